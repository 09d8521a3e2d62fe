/**
 * The real WeChat client against the local fake WeChat server: login codes, the access token's
 * caching and refresh, and the mini-program code.
 */
import { WechatError } from '../../../src/server/wechat/api'
import { createWechatClient, createMemoryTokenCache } from '../../../src/server/wechat/client'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'

const TEMPLATE = 'tmpl-new-issue'
const message = (touser: string) => ({
  touser,
  templateId: TEMPLATE,
  page: 'pages/issue/index?id=42',
  data: { thing1: { value: '工会信息第二十期' }, date2: { value: '2020-07-13' } },
})

async function caught(p: Promise<unknown>): Promise<WechatError> {
  try {
    await p
  } catch (err) {
    if (err instanceof WechatError) return err
    throw err
  }
  throw new Error('expected a WechatError')
}

describe('WeChat client against the fake server', () => {
  let fake: FakeWechat
  const client = () => createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret })
  const tokenRequests = () => fake.requests.filter((r) => r.endpoint === 'stable_token')
  const sendRequests = () => fake.requests.filter((r) => r.endpoint === 'subscribe/send')

  beforeEach(async () => {
    fake = await startFakeWechat({ templates: [TEMPLATE] })
  })
  afterEach(async () => {
    await fake.close()
  })

  describe('code2Session', () => {
    it('exchanges a login code for the openid (and unionid), never the session key', async () => {
      const wechat = client()
      expect(await wechat.code2Session(fake.issueLoginCode('o-alice'))).toEqual({ openid: 'o-alice' })
      const withUnion = await wechat.code2Session(fake.issueLoginCode('o-bob', { unionid: 'u-bob' }))
      expect(withUnion).toEqual({ openid: 'o-bob', unionid: 'u-bob' })
      expect(fake.requests[0].query).toMatchObject({ appid: fake.appid, secret: fake.secret, grant_type: 'authorization_code' })
    })

    it('answers 40029 for an unknown code and for a code used twice', async () => {
      const wechat = client()
      expect((await caught(wechat.code2Session('no-such-code'))).errcode).toBe(40029)
      const code = fake.issueLoginCode('o-alice')
      await wechat.code2Session(code)
      const again = await caught(wechat.code2Session(code))
      expect(again).toMatchObject({ errcode: 40029, endpoint: 'jscode2session' })
    })

    it("reports a wrong appid or secret with WeChat's codes", async () => {
      const badSecret = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: 'wrong' })
      expect((await caught(badSecret.code2Session(fake.issueLoginCode('o-a')))).errcode).toBe(40125)
      const badAppid = createWechatClient({ baseUrl: fake.baseUrl, appid: 'wx-other', secret: fake.secret })
      expect((await caught(badAppid.code2Session(fake.issueLoginCode('o-a')))).errcode).toBe(40013)
    })

    it('turns a reset connection into errcode -2', async () => {
      fake.injectFault('jscode2session', 'reset')
      const err = await caught(client().code2Session(fake.issueLoginCode('o-a')))
      expect(err.errcode).toBe(-2)
      expect(err.endpoint).toBe('jscode2session')
    })
  })

  describe('access token', () => {
    it('fetches one token for many calls, even concurrent ones', async () => {
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 30)
      await Promise.all(Array.from({ length: 20 }, () => wechat.sendSubscribeMessage(message('o-alice'))))
      for (let i = 0; i < 10; i++) await wechat.sendSubscribeMessage(message('o-alice'))
      expect(tokenRequests()).toHaveLength(1)
      expect(tokenRequests()[0].body).toEqual({ grant_type: 'client_credential', appid: fake.appid, secret: fake.secret, force_refresh: false })
      expect(fake.sentMessages).toHaveLength(30)
      const tokensUsed = new Set(sendRequests().map((r) => r.query.access_token))
      expect(tokensUsed.size).toBe(1)
    })

    it('refreshes before the token expires', async () => {
      await fake.close()
      // One clock for the fake and the client, moved by hand: the test ages the token without waiting.
      let clock = Date.now()
      const now = () => clock
      fake = await startFakeWechat({ tokenTtlSeconds: 2, now })
      // Tokens live 2 s and are renewed 1 s before expiry: after 1.2 s the client must fetch again.
      const wechat = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, refreshMarginSeconds: 1, now })
      fake.grantSubscription('o-alice', TEMPLATE, 2)
      await wechat.sendSubscribeMessage(message('o-alice'))
      clock += 1200
      await wechat.sendSubscribeMessage(message('o-alice'))
      expect(tokenRequests()).toHaveLength(2)
      expect(tokenRequests().every((r) => (r.body as { force_refresh: boolean }).force_refresh === false)).toBe(true)
      expect(fake.sentMessages).toHaveLength(2)
    })

    it('does not ask for a token on every call when WeChat keeps returning the one it holds', async () => {
      await fake.close()
      // A 10 s token is always inside the client's 5-minute refresh margin; WeChat renews only in
      // the last fraction of a second, so early refreshes bring back the same token.
      fake = await startFakeWechat({ tokenTtlSeconds: 10 })
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 20)
      for (let i = 0; i < 20; i++) await wechat.sendSubscribeMessage(message('o-alice'))
      expect(fake.sentMessages).toHaveLength(20)
      expect(tokenRequests().length).toBeLessThanOrEqual(2)
    })

    it.each([40001, 42001, 40014])('on %i force-refreshes once and retries the call', async (errcode) => {
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 1)
      await wechat.code2Session(fake.issueLoginCode('o-warmup')) // no token needed for login
      fake.injectFault('subscribe/send', errcode)
      const msgid = await wechat.sendSubscribeMessage(message('o-alice'))
      expect(fake.sentMessages.map((m) => m.msgid)).toEqual([msgid])
      expect(tokenRequests().map((r) => (r.body as { force_refresh: boolean }).force_refresh)).toEqual([false, true])
      const [first, second] = sendRequests().map((r) => r.query.access_token)
      expect(second).not.toBe(first)
    })

    it('recovers when WeChat expires every token, with one forced refresh for concurrent callers', async () => {
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 11)
      await wechat.sendSubscribeMessage(message('o-alice'))
      fake.expireTokens()
      await Promise.all(Array.from({ length: 10 }, () => wechat.sendSubscribeMessage(message('o-alice'))))
      expect(fake.sentMessages).toHaveLength(11)
      expect(tokenRequests().filter((r) => (r.body as { force_refresh: boolean }).force_refresh)).toHaveLength(1)
    })

    it('does not loop when a refreshed token is refused again', async () => {
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 1)
      fake.injectFault('subscribe/send', 40001, 5)
      const err = await caught(wechat.sendSubscribeMessage(message('o-alice')))
      expect(err).toMatchObject({ errcode: 40001, endpoint: 'subscribe/send' })
      expect(sendRequests()).toHaveLength(2)
      expect(tokenRequests()).toHaveLength(2)
      expect(fake.creditsOf('o-alice', TEMPLATE)).toBe(1)
    })

    it('shares a token through the cache: a second client makes no token request', async () => {
      const tokenCache = createMemoryTokenCache()
      const a = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, tokenCache })
      const b = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, tokenCache })
      fake.grantSubscription('o-alice', TEMPLATE, 2)
      await a.sendSubscribeMessage(message('o-alice'))
      await b.sendSubscribeMessage(message('o-alice'))
      expect(tokenRequests()).toHaveLength(1)
    })
  })

  describe('subscribe messages', () => {
    it("sends with WeChat's field names and consumes one credit per message", async () => {
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 1)
      const msgid = await wechat.sendSubscribeMessage(message('o-alice'))
      expect(fake.sentMessages).toEqual([{ touser: 'o-alice', template_id: TEMPLATE, page: 'pages/issue/index?id=42', data: message('o-alice').data, msgid }])
      expect(sendRequests()[0].body).toMatchObject({ miniprogram_state: 'formal', lang: 'zh_CN' })
      expect((await caught(wechat.sendSubscribeMessage(message('o-alice')))).errcode).toBe(43101)
    })

    it('answers 40003, 40037, 41030 and 47003 for a bad openid, template, page and data', async () => {
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 5)
      expect((await caught(wechat.sendSubscribeMessage(message('o-nobody')))).errcode).toBe(40003)
      expect((await caught(wechat.sendSubscribeMessage({ ...message('o-alice'), templateId: 'other' }))).errcode).toBe(40037)
      expect((await caught(wechat.sendSubscribeMessage({ ...message('o-alice'), page: '/pages/issue/index' }))).errcode).toBe(41030)
      const tooLong = { thing1: { value: '广州市工青妇组织推动三大工程羊城行动决战决胜脱贫攻坚' } }
      expect((await caught(wechat.sendSubscribeMessage({ ...message('o-alice'), data: tooLong }))).errcode).toBe(47003)
      const badDate = { date2: { value: '第二十期' } }
      expect((await caught(wechat.sendSubscribeMessage({ ...message('o-alice'), data: badDate }))).errcode).toBe(47003)
      expect(fake.creditsOf('o-alice', TEMPLATE)).toBe(5)
    })

    it('passes injected quota and busy errors through without retrying', async () => {
      const wechat = client()
      fake.grantSubscription('o-alice', TEMPLATE, 1)
      fake.injectFault('subscribe/send', 45009)
      fake.injectFault('subscribe/send', -1)
      expect((await caught(wechat.sendSubscribeMessage(message('o-alice')))).errcode).toBe(45009)
      expect((await caught(wechat.sendSubscribeMessage(message('o-alice')))).errcode).toBe(-1)
      expect(sendRequests()).toHaveLength(2)
      await wechat.sendSubscribeMessage(message('o-alice'))
      expect(fake.sentMessages).toHaveLength(1)
    })
  })

  describe('getUnlimitedWxaCode', () => {
    const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

    it('returns PNG bytes that differ by scene', async () => {
      const wechat = client()
      const one = await wechat.getUnlimitedWxaCode({ scene: 'a=1', page: 'pages/article/index' })
      const two = await wechat.getUnlimitedWxaCode({ scene: 'a=2', page: 'pages/article/index' })
      expect(Array.from(one.slice(0, 8))).toEqual(PNG_SIGNATURE)
      expect(Buffer.from(one).readUInt32BE(16)).toBe(430) // IHDR width
      expect(Buffer.compare(Buffer.from(one), Buffer.from(two))).not.toBe(0)
      expect(fake.requests.at(-1)?.body).toMatchObject({ scene: 'a=2', page: 'pages/article/index', check_path: false })
    })

    it('answers 40169 for a scene over 32 characters and 41030 for a page with a leading slash', async () => {
      const wechat = client()
      expect((await caught(wechat.getUnlimitedWxaCode({ scene: 'a=' + '1'.repeat(31), page: 'pages/article/index' }))).errcode).toBe(40169)
      expect((await caught(wechat.getUnlimitedWxaCode({ scene: 'a=1', page: '/pages/article/index' }))).errcode).toBe(41030)
    })

    it('retries once with a new token on 42001', async () => {
      const wechat = client()
      await wechat.getUnlimitedWxaCode({ scene: 'a=1', page: 'pages/article/index' })
      fake.expireTokens()
      const png = await wechat.getUnlimitedWxaCode({ scene: 'a=1', page: 'pages/article/index' })
      expect(Array.from(png.slice(0, 8))).toEqual(PNG_SIGNATURE)
      expect(tokenRequests()).toHaveLength(2)
    })
  })
})
