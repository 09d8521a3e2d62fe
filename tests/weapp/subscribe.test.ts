/**
 * The subscribe button in the booted mini-program, against the real backend signed in through the
 * local fake WeChat: WeChat's dialog is asked synchronously from the tap, the answer is explained,
 * and an accept becomes a credit on the server.
 */
import { startFakeWechat, type FakeWechat } from '../../src/server/wechat/fake-server'
import { startServer, type RunningServer } from '../client/support/server'
import { boot, ensureWeappBuild } from './support/boot'

const TEMPLATE = 'tmpl-new-issue-0001'
let fake: FakeWechat
let server: RunningServer

beforeAll(async () => {
  ensureWeappBuild()
  fake = await startFakeWechat()
  server = await startServer({
    WECHAT_API_BASE: fake.baseUrl,
    WECHAT_APPID: fake.appid,
    WECHAT_SECRET: fake.secret,
    WECHAT_TEMPLATE_NEW_ISSUE: TEMPLATE,
    NOTIFY_WORKER: 'off',
  })
}, 200_000)
afterAll(async () => {
  await server?.stop()
  await fake?.close()
})

const tokenIn = (storage: Record<string, string>) => JSON.parse(JSON.parse(storage.session)).state.token as string

describe('subscribe to new issues (booted mini-program)', () => {
  it('accept: asks WeChat with the template from /api/config, says so, and the server holds a credit', async () => {
    const r = await boot({
      page: 'pages/index/index',
      api: server.base,
      loginCode: fake.issueLoginCode('member-accepts'),
      subscribeAnswer: { [TEMPLATE]: 'accept', errMsg: 'requestSubscribeMessage:ok' },
      taps: ['订阅新一期提醒'],
    })
    expect(r.subscribeCalls).toEqual([expect.objectContaining({ tmplIds: [TEMPLATE] })])
    expect(r.texts.join('')).toContain('订阅成功')
    const res = await fetch(server.base + '/api/me/subscriptions', { headers: { authorization: `Bearer ${tokenIn(r.storage)}` } })
    expect(await res.json()).toMatchObject({ templateId: TEMPLATE, credits: 1 })
  })

  it('reject: no credit, and the member is told how to allow it later', async () => {
    const r = await boot({
      page: 'pages/index/index',
      api: server.base,
      loginCode: fake.issueLoginCode('member-rejects'),
      subscribeAnswer: { [TEMPLATE]: 'reject' },
      taps: ['订阅新一期提醒'],
    })
    expect(r.texts.join('')).toContain('不接收提醒')
    const res = await fetch(server.base + '/api/me/subscriptions', { headers: { authorization: `Bearer ${tokenIn(r.storage)}` } })
    expect(await res.json()).toMatchObject({ credits: 0 })
  })

  it('errCode 20004 (all subscriptions off): explains where to turn them back on', async () => {
    const r = await boot({
      page: 'pages/index/index',
      api: server.base,
      loginCode: fake.issueLoginCode('member-all-off'),
      subscribeFail: { errCode: 20004, errMsg: 'requestSubscribeMessage:fail' },
      taps: ['订阅新一期提醒'],
    })
    const text = r.texts.join('')
    expect(text).toContain('关闭了小程序的所有订阅消息')
    expect(text).toContain('通知管理')
  })

  it('a revoked session (401) signs in again and the credit is still recorded', async () => {
    const revoked = JSON.stringify(JSON.stringify({ state: { token: 'revoked-session-token', memberId: 1, expiresAt: '2099-01-01T00:00:00.000Z' }, version: 0 }))
    const r = await boot({
      page: 'pages/index/index',
      api: server.base,
      storage: { session: revoked },
      loginCode: fake.issueLoginCode('member-revoked'),
      subscribeAnswer: { [TEMPLATE]: 'accept' },
      taps: ['订阅新一期提醒'],
    })
    expect(r.texts.join('')).toContain('订阅成功')
    expect(r.texts.join('')).not.toContain('没能告诉服务器')
    const token = tokenIn(r.storage)
    expect(token).not.toBe('revoked-session-token')
    const res = await fetch(server.base + '/api/me/subscriptions', { headers: { authorization: `Bearer ${token}` } })
    expect(await res.json()).toMatchObject({ templateId: TEMPLATE, credits: 1 })
  })

  it('errCode 20001 (template not found) says what is wrong instead of "try later"', async () => {
    const r = await boot({
      page: 'pages/index/index',
      api: server.base,
      loginCode: fake.issueLoginCode('member-20001'),
      subscribeFail: { errCode: 20001, errMsg: 'requestSubscribeMessage:fail No template data return, verify the template id exist' },
      taps: ['订阅新一期提醒'],
    })
    const text = r.texts.join('')
    expect(text).toContain('模板在微信里找不到')
    expect(text).not.toContain('稍后再试')
  })
})
