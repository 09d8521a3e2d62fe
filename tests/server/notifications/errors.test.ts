/**
 * Each WeChat answer's handling, through real HTTP to the fake: 43101 refused (not retried),
 * 45009 and -1 retried with backoff, network resets retried, 47003/40003 recorded as failures with
 * their code, and an access token that expires mid-run refreshed without losing a message.
 */
import { describeOnEachBackend } from '../support/storages'
import type { Storage } from '../../../src/server/storage/storage'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import type { NotificationConfig } from '../../../src/server/config'
import { startNotificationWorker } from '../../../src/server/notifications'
import { rawDatabaseOf } from '../support/raw-database'
import { ISSUE_PAGE, TEMPLATE, clearCredits, deliveriesOf, publishNewIssue, settled, subscribedMembers, testConfig, waitFor, wechatFor } from './support'

describeOnEachBackend('notification errors', (backend) => {
  let storage: Storage
  let fake: FakeWechat
  beforeAll(async () => {
    storage = await backend.open()
    fake = await startFakeWechat({ templates: [TEMPLATE], pages: [ISSUE_PAGE] })
  })
  afterAll(async () => {
    await fake.close()
    await storage.close()
    await backend.cleanup()
  })
  afterEach(() => fake.clearFaults())

  // Every test's worker sends whatever is due in the shared database, so a delivery left queued by
  // one test would be sent by the next test's worker and eat the faults injected for that test
  // (seen under load: the 'reset' meant for e-reset consumed by a leftover e-pause retry).
  afterEach(async () => {
    const live = await rawDatabaseOf(storage).selectFrom('notify_deliveries').select(['issue_id', 'openid', 'status']).where('status', 'in', ['queued', 'sending']).execute()
    expect(live).toEqual([])
  })

  /** Only these openids hold credits; publishes an issue and runs a worker until it is all settled. */
  async function fanOut(openids: string[], config: NotificationConfig = testConfig({ concurrency: 1 })) {
    await clearCredits(storage)
    const ids = await subscribedMembers(storage, fake, openids)
    const issue = await publishNewIssue(storage, config)
    const worker = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    try {
      await settled(storage, issue.id)
    } finally {
      await worker.stop()
    }
    const rows = await deliveriesOf(storage, issue.id)
    const sendsTo = (openid: string) =>
      fake.requests.filter(
        (r) => r.endpoint === 'subscribe/send' && (r.body as { touser?: string }).touser === openid && (r.body as { page?: string }).page === `pages/issue/index?id=${issue.id}`,
      ).length
    return { issue, ids, rows, sendsTo }
  }
  const summary = (r: Record<string, any>) => ({ status: r.status, attempts: Number(r.attempts), errcode: r.last_errcode === null ? null : Number(r.last_errcode) })

  it('43101: refused, credit consumed, not retried', async () => {
    fake.injectFault('subscribe/send', 43101)
    const { rows, ids, sendsTo } = await fanOut(['e-refused'])
    expect(rows.map(summary)).toEqual([{ status: 'refused', attempts: 1, errcode: 43101 }])
    expect(sendsTo('e-refused')).toBe(1)
    expect(await storage.notifications.creditsOf(ids[0], TEMPLATE)).toBe(0)
  })

  it('45009: retried with backoff, then sent', async () => {
    fake.injectFault('subscribe/send', 45009, 2)
    const { rows, sendsTo } = await fanOut(['e-quota'])
    expect(rows.map(summary)).toEqual([{ status: 'sent', attempts: 3, errcode: null }])
    expect(sendsTo('e-quota')).toBe(3)
  })

  it('45009 pauses the whole worker (the quota is per app, so the other members wait too)', async () => {
    await clearCredits(storage)
    const openids = ['e-pause-1', 'e-pause-2', 'e-pause-3', 'e-pause-4']
    await subscribedMembers(storage, fake, openids)
    const config = testConfig({ concurrency: 1, retryBaseMs: 60_000, retryMaxMs: 60_000 })
    const issue = await publishNewIssue(storage, config)
    fake.injectFault('subscribe/send', 45009)
    const sends = () => fake.requests.filter((r) => r.endpoint === 'subscribe/send' && openids.includes((r.body as { touser?: string }).touser ?? '')).length
    const worker = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    try {
      await waitFor('the first send', async () => {
        const c = await storage.notifications.deliveryProgress(issue.id)
        return c.recentFailures.length > 0 ? c : null
      })
      // Twice round the loop holding off (each wait is up to 10 polls): it had its chances to claim.
      await worker.next('paused')
      await worker.next('paused')
      expect(sends()).toBe(1)
      expect(await storage.notifications.deliveryProgress(issue.id)).toMatchObject({
        queued: 4,
        sent: 0,
        recentFailures: [expect.objectContaining({ errcode: 45009, status: 'queued' })],
      })
    } finally {
      await worker.stop()
      // The four stay queued (one due in a minute, three now): cancel them as an unpublish would,
      // or the later tests' workers send them.
      await storage.notifications.cancelIssueDeliveries(issue.id)
    }
  })

  it('-1 (busy): retried up to the maximum attempts, then failed with the code', async () => {
    fake.injectFault('subscribe/send', -1, 100)
    const { rows, sendsTo, issue } = await fanOut(['e-busy'], testConfig({ concurrency: 1, maxAttempts: 3 }))
    expect(rows.map(summary)).toEqual([{ status: 'failed', attempts: 3, errcode: -1 }])
    expect(sendsTo('e-busy')).toBe(3)
    const progress = await storage.notifications.deliveryProgress(issue.id)
    expect(progress).toMatchObject({ failed: 1, sent: 0 })
    expect(progress.recentFailures).toEqual([expect.objectContaining({ errcode: -1, attempts: 3, status: 'failed' })])
  })

  it('a reset connection and an HTTP 500 are retried (errcode -2), then sent', async () => {
    fake.injectFault('subscribe/send', 'reset')
    fake.injectFault('subscribe/send', 'http500')
    const { rows, sendsTo } = await fanOut(['e-reset'])
    expect(rows.map(summary)).toEqual([{ status: 'sent', attempts: 3, errcode: null }])
    expect(sendsTo('e-reset')).toBe(3)
  })

  it('a send slower than the lease is not taken back and sent again by its own worker', async () => {
    await clearCredits(storage)
    // Two credits on WeChat's side, so a second copy would be accepted rather than refused with 43101.
    await subscribedMembers(storage, fake, ['e-slow'], 2)
    // A 1 s lease, swept every 0.5 s, and an answer after 2.5 s: the lease lapses mid-send. A second
    // send slot is free, so a row wrongly taken back would be claimed and sent again at once.
    const config = testConfig({ concurrency: 2, leaseSeconds: 1 })
    const issue = await publishNewIssue(storage, config)
    fake.setDelay(2500)
    const worker = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    try {
      await settled(storage, issue.id)
    } finally {
      await worker.stop()
      fake.setDelay(0)
    }
    const sends = fake.requests.filter((r) => r.endpoint === 'subscribe/send' && (r.body as { touser?: string }).touser === 'e-slow')
    expect(sends).toHaveLength(1)
    expect((await deliveriesOf(storage, issue.id)).map(summary)).toEqual([{ status: 'sent', attempts: 1, errcode: null }])
  })

  it('47003 and 40003 are failures recorded with their code, not retried', async () => {
    fake.injectFault('subscribe/send', 47003)
    const first = await fanOut(['e-baddata'])
    expect(first.rows.map(summary)).toEqual([{ status: 'failed', attempts: 1, errcode: 47003 }])
    expect(first.sendsTo('e-baddata')).toBe(1)

    // A member WeChat does not know (the fake never saw this openid): 40003.
    await clearCredits(storage)
    const stranger = await storage.memberByOpenid('e-stranger')
    await storage.notifications.recordSubscribeResult(stranger.id, TEMPLATE, 'accept')
    const config = testConfig({ concurrency: 1 })
    const issue = await publishNewIssue(storage, config)
    const worker = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    await settled(storage, issue.id).finally(() => worker.stop())
    const progress = await storage.notifications.deliveryProgress(issue.id)
    expect(progress).toMatchObject({ failed: 1, total: 1 })
    expect(progress.recentFailures).toEqual([expect.objectContaining({ memberId: stranger.id, errcode: 40003, attempts: 1 })])
  })

  it('an access token expiring mid-run is refreshed; every message still goes out once', async () => {
    const openids = Array.from({ length: 40 }, (_, i) => `e-token-${i}`)
    const tokenCallsBefore = fake.counts.stable_token
    fake.setDelay(3)
    try {
      // Expire after the 10th message exactly (a polling timer could fire only after all 40 under load).
      fake.expireTokensAfterSends(10)
      const { rows } = await fanOut(openids, testConfig({ concurrency: 4 }))
      expect(rows.filter((r) => r.status === 'sent')).toHaveLength(40)
    } finally {
      fake.setDelay(0)
    }
    const got = fake.sentMessages.filter((m) => m.touser.startsWith('e-token-')).map((m) => m.touser)
    expect(got.sort()).toEqual([...openids].sort())
    expect(fake.counts.stable_token).toBeGreaterThan(tokenCallsBefore)
    const sends = fake.requests.filter((r) => r.endpoint === 'subscribe/send' && (r.body as { touser?: string }).touser?.startsWith('e-token-')).length
    expect(sends).toBeGreaterThan(40) // some sends met the expired token and were repeated by the client
  })
})
