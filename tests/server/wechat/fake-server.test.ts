/**
 * The fake WeChat server's own rules, spoken to over raw HTTP (as WeChat's documentation shows them),
 * so other suites can rely on it behaving like WeChat.
 */
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'

describe('fake WeChat server', () => {
  let fake: FakeWechat
  let clock = Date.now()
  afterEach(async () => {
    await fake.close()
  })

  const login = (code: string) =>
    fetch(`${fake.baseUrl}/sns/jscode2session?appid=${fake.appid}&secret=${fake.secret}&js_code=${code}&grant_type=authorization_code`).then((r) => r.json())
  const stableToken = (force: boolean) =>
    fetch(`${fake.baseUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: fake.appid, secret: fake.secret, force_refresh: force }),
    }).then((r) => r.json() as Promise<{ access_token?: string; expires_in?: number; errcode?: number }>)

  it('expires login codes after five minutes', async () => {
    fake = await startFakeWechat({ now: () => clock })
    const fresh = fake.issueLoginCode('o-a')
    const stale = fake.issueLoginCode('o-b')
    clock += 4 * 60 * 1000
    expect(await login(fresh)).toMatchObject({ openid: 'o-a' })
    clock += 61 * 1000
    expect(await login(stale)).toEqual({ errcode: 40029, errmsg: 'invalid code' })
  })

  it('keeps one stable token until it expires; force_refresh replaces and invalidates it', async () => {
    fake = await startFakeWechat({ now: () => clock, tokenTtlSeconds: 100 })
    const first = await stableToken(false)
    expect(first.expires_in).toBe(100)
    clock += 30_000
    const again = await stableToken(false)
    expect(again).toEqual({ access_token: first.access_token, expires_in: 70 })
    const forced = await stableToken(true)
    expect(forced.access_token).not.toBe(first.access_token)
    const send = (token: string) => fetch(`${fake.baseUrl}/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: '{}' }).then((r) => r.json())
    expect(await send(first.access_token!)).toMatchObject({ errcode: 40001 })
    clock += 101_000
    expect(await send(forced.access_token!)).toMatchObject({ errcode: 42001 })
    expect((await stableToken(false)).access_token).not.toBe(forced.access_token)
  })

  it('renews the stable token in its last minutes, leaving the old one valid until it expires', async () => {
    fake = await startFakeWechat({ now: () => clock, tokenTtlSeconds: 240 }) // renewal window: 10 s
    const first = await stableToken(false)
    clock += 235_000
    const renewed = await stableToken(false)
    expect(renewed.access_token).not.toBe(first.access_token)
    expect(renewed.expires_in).toBe(240)
    const send = (token: string) => fetch(`${fake.baseUrl}/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: '{}' }).then((r) => r.json())
    expect(await send(first.access_token!)).toMatchObject({ errcode: 40003 }) // token accepted, openid missing
    clock += 6_000
    expect(await send(first.access_token!)).toMatchObject({ errcode: 42001 })
    expect(await send(renewed.access_token!)).toMatchObject({ errcode: 40003 })
  })

  it('rate-limits force refreshes with 45009', async () => {
    fake = await startFakeWechat({ now: () => clock, forceRefreshPerMinute: 2 })
    expect((await stableToken(true)).access_token).toBeDefined()
    expect((await stableToken(true)).access_token).toBeDefined()
    expect(await stableToken(true)).toMatchObject({ errcode: 45009 })
    clock += 61_000
    expect((await stableToken(true)).access_token).toBeDefined()
  })

  it('answers errors with HTTP 200 JSON, injects faults in order, and records requests', async () => {
    fake = await startFakeWechat()
    fake.injectFault('jscode2session', 45011, 2)
    fake.injectFault('jscode2session', 'http500')
    const code = fake.issueLoginCode('o-a')
    const first = await fetch(`${fake.baseUrl}/sns/jscode2session?js_code=${code}`)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ errcode: 45011, errmsg: 'injected fault 45011' })
    expect(await login(code)).toMatchObject({ errcode: 45011 })
    expect((await fetch(`${fake.baseUrl}/sns/jscode2session?js_code=${code}`)).status).toBe(500)
    expect(await login(code)).toMatchObject({ openid: 'o-a' })
    expect(fake.requests.map((r) => r.endpoint)).toEqual(['jscode2session', 'jscode2session', 'jscode2session', 'jscode2session'])
    expect(fake.counts['jscode2session']).toBe(4)
    expect(() => fake.injectFault('nope' as never, 1)).toThrow(/unknown fake WeChat endpoint/)
  })

  it('expires every token right after a given number of accepted messages', async () => {
    fake = await startFakeWechat()
    fake.grantSubscription('o-x', 'TPL', 5)
    const token = (await stableToken(false)).access_token!
    const send = () =>
      fetch(`${fake.baseUrl}/cgi-bin/message/subscribe/send?access_token=${token}`, {
        method: 'POST',
        body: JSON.stringify({ touser: 'o-x', template_id: 'TPL', data: { thing1: { value: 'x' } } }),
      }).then((r) => r.json() as Promise<{ errcode: number }>)
    fake.expireTokensAfterSends(2)
    expect((await send()).errcode).toBe(0)
    expect((await send()).errcode).toBe(0) // the second is still accepted; the token dies after it
    expect((await send()).errcode).toBe(42001)
    expect(fake.sentCount).toBe(2)
  })

  it('slows its answers when asked', async () => {
    fake = await startFakeWechat({ delayMs: 150 })
    const started = Date.now()
    await login('x')
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })
})
