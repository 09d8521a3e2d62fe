import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, publish, type TestApp } from '../support/app'
import { makeIssue } from '../support/archive'
import type { StoredIssue } from '../../../src/core/bulletin'
import type { FavouriteEntry, SessionResponse } from '../../../src/core/api'

describeOnEachBackend('members: sign-in and favourites', (backend) => {
  let t: TestApp
  let issue: StoredIssue
  let articleIds: number[]
  beforeAll(async () => {
    t = await buildTestApp(backend)
    issue = await publish(t.storage, makeIssue(2020, 20))
    articleIds = issue.sections.flatMap((s) => s.items.filter((i) => i.kind === 'article').map((i) => i.id))
  })
  afterAll(() => t.close())

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

  it('exchanges a WeChat login code for a session token; the same openid is the same member', async () => {
    const first = await t.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: t.fake.issueLoginCode('openid-alice') } })
    expect(first.statusCode).toBe(200)
    const session = first.json() as SessionResponse
    expect(session).toEqual({ token: expect.any(String), memberId: expect.any(Number), expiresAt: expect.any(String) })
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now())
    expect(first.body).not.toContain('session_key')
    const second = await t.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: t.fake.issueLoginCode('openid-alice') } })
    expect(second.json().memberId).toBe(session.memberId)
    const sent = t.fake.requests.filter((r) => r.endpoint === 'jscode2session')
    expect(sent[sent.length - 1].query).toMatchObject({ appid: t.fake.appid, grant_type: 'authorization_code' })
  })

  it('answers 401 for a bad or reused login code, 502 when WeChat is down, 400 for a bad body', async () => {
    const bad = await t.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'not-a-code' } })
    expect(bad.statusCode).toBe(401)
    expect(bad.json().error.code).toBe('invalid-login-code')
    const code = t.fake.issueLoginCode('openid-bob')
    expect((await t.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })).statusCode).toBe(200)
    expect((await t.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })).statusCode).toBe(401)
    t.fake.injectFault('jscode2session', -1, 5)
    const busy = await t.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: t.fake.issueLoginCode('openid-carol') } })
    t.fake.clearFaults()
    expect(busy.statusCode).toBe(502)
    expect(busy.json().error.code).toBe('wechat-unavailable')
    for (const payload of [{}, { code: '' }, { code: 'x', extra: 1 }, { code: ['a', 'b'] }]) {
      const res = await t.inject({ method: 'POST', url: '/api/auth/wechat', payload })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.message).toMatch(/body/)
    }
    const notJson = await t.inject({ method: 'POST', url: '/api/auth/wechat', headers: { 'content-type': 'application/json' }, payload: '{"code":' })
    expect(notJson.statusCode).toBe(400)
  })

  it('gives the H5 client an anonymous member per device id', async () => {
    const a = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-aaaaaaaaaaaaaaaa' } })).json()
    const again = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-aaaaaaaaaaaaaaaa' } })).json()
    const b = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-bbbbbbbbbbbbbbbb' } })).json()
    expect(again.memberId).toBe(a.memberId)
    expect(b.memberId).not.toBe(a.memberId)
    const short = await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'short' } })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.message).toContain('body/deviceId')
  })

  it('keeps favourites per member: PUT and DELETE are idempotent, newest first, with titles', async () => {
    const { token } = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-favourites-0001' } })).json()
    const other = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-favourites-0002' } })).json()
    expect((await t.inject({ url: '/api/me/favourites', headers: bearer(token) })).json()).toEqual({ items: [] })
    const put1 = await t.inject({ method: 'PUT', url: `/api/me/favourites/${articleIds[0]}`, headers: bearer(token) })
    expect(put1.statusCode).toBe(200)
    const first = issue.sections.flatMap((s) => s.items).find((i) => i.id === articleIds[0])!
    expect(put1.json()).toEqual({
      articleId: articleIds[0],
      addedAt: expect.any(String),
      title: first.kind === 'article' ? first.title : '',
      issueId: issue.id,
      issueLabel: issue.label,
      date: issue.date,
    })
    const put1again = await t.inject({ method: 'PUT', url: `/api/me/favourites/${articleIds[0]}`, headers: bearer(token) })
    expect(put1again.json()).toEqual(put1.json())
    await new Promise((r) => setTimeout(r, 5))
    await t.inject({ method: 'PUT', url: `/api/me/favourites/${articleIds[1]}`, headers: bearer(token) })
    const list = (await t.inject({ url: '/api/me/favourites', headers: bearer(token) })).json()
    expect(list.items.map((e: FavouriteEntry) => e.articleId)).toEqual([articleIds[1], articleIds[0]])
    expect((await t.inject({ url: '/api/me/favourites', headers: bearer(other.token) })).json()).toEqual({ items: [] })
    for (let i = 0; i < 2; i++) expect((await t.inject({ method: 'DELETE', url: `/api/me/favourites/${articleIds[1]}`, headers: bearer(token) })).statusCode).toBe(204)
    expect((await t.inject({ url: '/api/me/favourites', headers: bearer(token) })).json().items.map((e: FavouriteEntry) => e.articleId)).toEqual([articleIds[0]])
    const brief = issue.sections[2].items[0].id
    expect((await t.inject({ method: 'PUT', url: `/api/me/favourites/${brief}`, headers: bearer(token) })).statusCode).toBe(404)
    expect((await t.inject({ method: 'PUT', url: '/api/me/favourites/99999999', headers: bearer(token) })).statusCode).toBe(404)
    expect((await t.inject({ method: 'PUT', url: '/api/me/favourites/abc', headers: bearer(token) })).statusCode).toBe(400)
  })

  it('answers 401 without a token, with a forged one, or one signed with another secret', async () => {
    const { token } = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-forgery-000001' } })).json()
    const [v, payload, signature] = token.split('.')
    const forgedPayload = Buffer.from(JSON.stringify({ m: 1, e: 9999999999 })).toString('base64url')
    for (const headers of [{}, bearer('nonsense'), bearer(`${v}.${forgedPayload}.${signature}`), { authorization: token }] as Array<Record<string, string>>) {
      const res = await t.inject({ url: '/api/me/favourites', headers })
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toMatch(/unauthorized|invalid-session/)
    }
    expect(payload).toBeTruthy()
  })
})

describeOnEachBackend('rate limits on sign-in and search', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend, { config: { rateLimits: { authPerMinute: 3, searchPerMinute: 4 } } })
  })
  afterAll(() => t.close())

  it('answers 429 in JSON once the limit is reached', async () => {
    const auth = []
    for (let i = 0; i < 5; i++) auth.push(await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-rate-limit-0001' } }))
    expect(auth.map((r) => r.statusCode)).toEqual([200, 200, 200, 429, 429])
    expect(auth[4].json().error.code).toBe('rate-limited')
    // X-Forwarded-For is not trusted unless TRUST_PROXY says so: a forged one does not reset the limit.
    const forged = await t.inject({ method: 'POST', url: '/api/auth/device', headers: { 'x-forwarded-for': '203.0.113.9' }, payload: { deviceId: 'device-rate-limit-0001' } })
    expect(forged.statusCode).toBe(429)
    const search = []
    for (let i = 0; i < 6; i++) search.push((await t.inject({ url: '/api/search?q=%E5%B7%A5%E4%BC%9A' })).statusCode)
    expect(search).toEqual([200, 200, 200, 200, 429, 429])
    expect((await t.inject({ url: '/api/issues' })).statusCode).toBe(200)
  })
})
