/**
 * Through the real app over HTTP: a member signs in with WeChat and accepts (a credit), the editor
 * publishes through the admin API (the hook enqueues in the publish transaction), the worker sends,
 * the editor reads the progress; unpublishing cancels. Bad input gets clear 4xx answers.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { createServer } from '../../../src/server/server'
import type { Storage } from '../../../src/server/storage/storage'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { startNotificationWorker } from '../../../src/server/notifications'
import { testSettings } from '../support/app'
import { rawDatabaseOf } from '../support/raw-database'
import { describeOnEachBackend } from '../support/storages'
import { listen, request, type HttpRequest } from '../support/http'
import { makeIssue } from '../support/archive'
import { ISSUE_PAGE, TEMPLATE, settled, testConfig, wechatFor } from './support'

const ADMIN_TOKEN = 'notify-admin-token-0123456789'
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` }

describeOnEachBackend('notification routes', (backend) => {
  let storage: Storage
  let fake: FakeWechat
  let app: FastifyInstance
  let call: (req: HttpRequest) => ReturnType<typeof request>
  const config = testConfig()

  beforeAll(async () => {
    storage = await backend.open()
    fake = await startFakeWechat({ templates: [TEMPLATE], pages: [ISSUE_PAGE] })
    const settings = testSettings({ config: { adminToken: ADMIN_TOKEN, newIssueTemplateId: TEMPLATE }, notify: config })
    app = (await createServer({ settings, storage, wechat: wechatFor(fake, storage), sessionSecret: randomBytes(32).toString('hex'), runWorker: false })).app
    const base = await listen(app)
    call = (req) => request(base, req)
  })
  afterAll(async () => {
    await app.close()
    await fake.close()
    await storage.close()
    await backend.cleanup()
  })

  async function signIn(openid: string) {
    const res = await call({ method: 'POST', url: '/api/auth/wechat', payload: { code: fake.issueLoginCode(openid) } })
    expect(res.statusCode).toBe(200)
    return { authorization: `Bearer ${res.json().token}` }
  }

  it('records accepts as credits, publishes, sends, and shows progress to editors', async () => {
    const alice = await signIn('r-alice')
    expect((await call({ url: '/api/me/subscriptions', headers: alice })).json()).toEqual({ templateId: TEMPLATE, credits: 0 })
    const accepted = await call({ method: 'POST', url: '/api/me/subscriptions', headers: alice, payload: { templateId: TEMPLATE, result: 'accept' } })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toEqual({ templateId: TEMPLATE, credits: 1 })
    fake.grantSubscription('r-alice', TEMPLATE)
    for (const result of ['reject', 'ban', 'filter']) {
      const res = await call({ method: 'POST', url: '/api/me/subscriptions', headers: alice, payload: { templateId: TEMPLATE, result } })
      expect(res.json()).toEqual({ templateId: TEMPLATE, credits: 1 })
    }
    const events = await rawDatabaseOf(storage).selectFrom('notify_subscribe_events').select('result').orderBy('id').execute()
    expect(events.map((e) => e.result)).toEqual(['accept', 'reject', 'ban', 'filter'])

    const { issue: draft } = await storage.saveDraft(makeIssue(2020, 20))
    const published = await call({ method: 'POST', url: `/api/admin/issues/${draft.id}/publish`, headers: admin })
    expect(published.statusCode).toBe(200)
    const queued = await call({ url: `/api/admin/issues/${draft.id}/deliveries`, headers: admin })
    expect(queued.json()).toMatchObject({ issueId: draft.id, queued: 1, sent: 0, total: 1, recentFailures: [] })
    expect((await call({ url: '/api/me/subscriptions', headers: alice })).json().credits).toBe(0)

    const worker = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    try {
      await settled(storage, draft.id)
    } finally {
      await worker.stop()
    }
    const progress = (await call({ url: `/api/admin/issues/${draft.id}/deliveries`, headers: admin })).json()
    expect(progress).toMatchObject({ queued: 0, sending: 0, sent: 1, refused: 0, failed: 0, cancelled: 0, total: 1, inDoubt: 0 })
    expect(fake.sentMessages.map((m) => [m.touser, m.page])).toEqual([['r-alice', `pages/issue/index?id=${draft.id}`]])
  })

  it('unpublishing through the admin API cancels unsent deliveries and returns the credit', async () => {
    const bob = await signIn('r-bob')
    await call({ method: 'POST', url: '/api/me/subscriptions', headers: bob, payload: { templateId: TEMPLATE, result: 'accept' } })
    const { issue: draft } = await storage.saveDraft(makeIssue(2020, 21))
    await call({ method: 'POST', url: `/api/admin/issues/${draft.id}/publish`, headers: admin })
    expect((await call({ url: '/api/me/subscriptions', headers: bob })).json().credits).toBe(0)
    expect((await call({ method: 'POST', url: `/api/admin/issues/${draft.id}/unpublish`, headers: admin })).statusCode).toBe(200)
    expect((await call({ url: `/api/admin/issues/${draft.id}/deliveries`, headers: admin })).json()).toMatchObject({ queued: 0, cancelled: 1 })
    expect((await call({ url: '/api/me/subscriptions', headers: bob })).json().credits).toBe(1)
  })

  it('answers bad requests with clear 4xx errors', async () => {
    const carol = await signIn('r-carol')
    const post = (headers: Record<string, string>, payload: unknown) => call({ method: 'POST', url: '/api/me/subscriptions', headers, payload: payload as object })
    expect((await call({ url: '/api/me/subscriptions' })).statusCode).toBe(401)
    expect((await post({}, { templateId: TEMPLATE, result: 'accept' })).statusCode).toBe(401)
    for (const payload of [
      {},
      { templateId: TEMPLATE },
      { templateId: TEMPLATE, result: 'maybe' },
      { templateId: '', result: 'accept' },
      { templateId: TEMPLATE, result: 'accept', extra: 1 },
    ]) {
      const res = await post(carol, payload)
      expect([JSON.stringify(payload), res.statusCode]).toEqual([JSON.stringify(payload), 400])
      expect(res.json().error.message).toMatch(/body/)
    }
    const wrong = await post(carol, { templateId: 'SOMEONE_ELSES', result: 'accept' })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().error.code).toBe('unknown-template')

    const device = (await call({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-notify-0000000001' } })).json()
    const h5 = await post({ authorization: `Bearer ${device.token}` }, { templateId: TEMPLATE, result: 'accept' })
    expect(h5.statusCode).toBe(409)
    expect(h5.json().error.code).toBe('wechat-sign-in-required')

    expect((await call({ url: '/api/admin/issues/1/deliveries' })).statusCode).toBe(401)
    expect((await call({ url: '/api/admin/issues/1/deliveries', headers: { authorization: 'Bearer wrong-token-0000000000' } })).statusCode).toBe(403)
    expect((await call({ url: '/api/admin/issues/999999/deliveries', headers: admin })).statusCode).toBe(404)
    expect((await call({ url: '/api/admin/issues/abc/deliveries', headers: admin })).statusCode).toBe(400)
  })
})

describeOnEachBackend('notification routes with subscriptions off', (backend) => {
  let storage: Storage
  let fake: FakeWechat
  let app: FastifyInstance
  let call: (req: HttpRequest) => ReturnType<typeof request>
  beforeAll(async () => {
    storage = await backend.open()
    fake = await startFakeWechat()
    const settings = testSettings({ config: { adminToken: ADMIN_TOKEN, newIssueTemplateId: null }, notify: testConfig({ templateId: null }) })
    app = (await createServer({ settings, storage, wechat: wechatFor(fake, storage), sessionSecret: randomBytes(32).toString('hex'), runWorker: false })).app
    call = (
      (base) => (req: HttpRequest) =>
        request(base, req)
    )(await listen(app))
  })
  afterAll(async () => {
    await app.close()
    await fake.close()
    await storage.close()
    await backend.cleanup()
  })

  it('shows no template and refuses accepts; publishing enqueues nothing', async () => {
    const signIn = await call({ method: 'POST', url: '/api/auth/wechat', payload: { code: fake.issueLoginCode('off-dave') } })
    const dave = { authorization: `Bearer ${signIn.json().token}` }
    expect((await call({ url: '/api/me/subscriptions', headers: dave })).json()).toEqual({ templateId: null, credits: 0 })
    const res = await call({ method: 'POST', url: '/api/me/subscriptions', headers: dave, payload: { templateId: TEMPLATE, result: 'accept' } })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'subscriptions-off', message: expect.stringContaining('WECHAT_TEMPLATE_NEW_ISSUE') })
    const { issue } = await storage.saveDraft(makeIssue(2020, 22))
    expect((await call({ method: 'POST', url: `/api/admin/issues/${issue.id}/publish`, headers: admin })).statusCode).toBe(200)
    expect((await call({ url: `/api/admin/issues/${issue.id}/deliveries`, headers: admin })).json()).toMatchObject({ total: 0 })
  })
})
