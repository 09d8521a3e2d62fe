/**
 * accept → publish → exactly one message per credit, with the right template fields and page;
 * unpublish cancels what is not sent yet. Real storage, real HTTP to the fake WeChat server.
 */
import { describeOnEachBackend } from '../support/storages'
import type { Storage } from '../../../src/server/storage/storage'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { cancelIssueDeliveries, formatFanOut, startNotificationWorker, watchFanOut } from '../../../src/server/notifications'
import { rawDatabaseOf } from '../support/raw-database'
import { fitKeywordValue } from '../../../src/server/notifications/template-data'
import { ISSUE_PAGE, TEMPLATE, deliveriesOf, publishNewIssue, settled, subscribedMembers, testConfig, wechatFor } from './support'

describeOnEachBackend('notification flow', (backend) => {
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

  it('sends each credit holder exactly one message per issue, with fields cut to their limits and the issue page', async () => {
    const config = testConfig()
    const [twice] = await subscribedMembers(storage, fake, ['o-twice'], 2)
    const [once] = await subscribedMembers(storage, fake, ['o-once'], 1)
    const refuser = await storage.memberByOpenid('o-reject')
    await storage.notifications.recordSubscribeResult(refuser.id, TEMPLATE, 'reject')
    fake.grantSubscription('o-reject', 'other') // known to the fake, but no credit for our template
    await storage.memberByDevice('h5-device-1') // an H5 member: no openid, never a delivery

    const longTitle = '广州市总工会召开二〇二〇年度全市工会系统劳动竞赛表彰大会暨工作部署会议'
    const issue = await publishNewIssue(storage, config, (draft) => {
      const first = draft.sections[0].items[0]
      if (first.kind === 'article') first.title = longTitle
    })
    expect(await storage.notifications.deliveryCounts(issue.id)).toMatchObject({ queued: 2, total: 2 })
    expect(await storage.notifications.creditsOf(twice, TEMPLATE)).toBe(1) // one reserved by the queued delivery
    expect(await storage.notifications.creditsOf(once, TEMPLATE)).toBe(0)

    const worker = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    try {
      const progress: number[] = []
      const final = await watchFanOut(storage.notifications, issue.id, (c) => progress.push(c.sent), { intervalMs: 10 })
      expect(final).toMatchObject({ sent: 2, queued: 0, sending: 0, failed: 0, total: 2 })
      expect(progress[progress.length - 1]).toBe(2)
      expect(formatFanOut(final, 10)).toBe('[██████████] 100% 2/2 sent')
      expect(formatFanOut({ ...final, sent: 1, queued: 1 }, 10)).toBe('[█████░░░░░]  50% 1/2 sent · 1 to go')
    } finally {
      await worker.stop()
    }
    const mine = fake.sentMessages.filter((m) => m.page === `pages/issue/index?id=${issue.id}`)
    expect(mine.map((m) => m.touser).sort()).toEqual(['o-once', 'o-twice'])
    for (const m of mine) {
      expect(m.template_id).toBe(TEMPLATE)
      expect(m.data).toEqual({
        thing1: { value: fitKeywordValue('thing', longTitle, issue.date) },
        date2: { value: issue.date },
        thing3: { value: issue.label },
      })
      expect(Array.from(m.data.thing1.value)).toHaveLength(20)
    }
    const rows = await deliveriesOf(storage, issue.id)
    expect(rows.map((r) => [r.openid, r.status, Number(r.attempts)]).sort()).toEqual([
      ['o-once', 'sent', 1],
      ['o-twice', 'sent', 1],
    ])
    expect(rows.every((r) => r.msgid !== null)).toBe(true)

    // The next issue reaches only the member with a credit left; publishing again sends nothing new.
    const second = await publishNewIssue(storage, config)
    const again = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    try {
      expect(await settled(storage, second.id)).toMatchObject({ sent: 1, total: 1 })
    } finally {
      await again.stop()
    }
    expect(fake.sentMessages.filter((m) => m.page === `pages/issue/index?id=${second.id}`).map((m) => m.touser)).toEqual(['o-twice'])
    expect(await storage.notifications.creditsOf(twice, TEMPLATE)).toBe(0)
    await storage.publishIssue(second.id, {
      inTransaction: async () => {
        throw new Error('not called for an already published issue')
      },
    })
    expect((await storage.notifications.deliveryCounts(second.id)).total).toBe(1)
  })

  it('writes no delivery when the publish rolls back', async () => {
    const config = testConfig()
    const [member] = await subscribedMembers(storage, fake, ['o-rollback'])
    // A publish whose transaction fails after the enqueue leaves nothing behind, credit included.
    const { issue: draft } = await storage.saveDraft((await import('../support/archive')).makeIssue(1901, 1))
    await expect(
      storage.publishIssue(draft.id, {
        inTransaction: async (trx, stored) => {
          const { enqueueNewIssue } = await import('../../../src/server/notifications')
          await enqueueNewIssue(trx.notifications, stored, config)
          throw new Error('boom after enqueue')
        },
      }),
    ).rejects.toThrow('boom after enqueue')
    expect((await storage.notifications.deliveryCounts(draft.id)).total).toBe(0)
    expect(await storage.notifications.creditsOf(member, TEMPLATE)).toBe(1)
  })

  it('unpublishing cancels unsent deliveries and gives their credits back', async () => {
    const config = testConfig()
    const ids = await subscribedMembers(storage, fake, ['o-c1', 'o-c2', 'o-c3'])
    const holders = await rawDatabaseOf(storage).selectFrom('notify_credits').select('member_id').where('credits', '>', 0).execute()
    const n = holders.length // the three, and any credit left over by earlier tests
    expect(n).toBeGreaterThanOrEqual(3)
    const issue = await publishNewIssue(storage, config)
    expect(await storage.notifications.deliveryCounts(issue.id)).toMatchObject({ queued: n })
    for (const id of ids) expect(await storage.notifications.creditsOf(id, TEMPLATE)).toBe(0)

    const result = await storage.unpublishIssue(issue.id, {
      inTransaction: async (trx, stored) => {
        await cancelIssueDeliveries(trx.notifications, stored.id)
      },
    })
    expect(result?.changed).toBe(true)
    expect(await storage.notifications.deliveryCounts(issue.id)).toMatchObject({ queued: 0, cancelled: n, total: n })
    for (const id of ids) expect(await storage.notifications.creditsOf(id, TEMPLATE)).toBe(1)

    const sentBefore = fake.sentCount
    const worker = startNotificationWorker({ notifications: storage.notifications, wechat: wechatFor(fake, storage), config })
    // Once it has looked and found nothing due, it had its chance to send a cancelled delivery.
    await worker.next('idle').finally(() => worker.stop())
    expect(fake.sentCount).toBe(sentBefore)

    // Published again: the members are told once after all.
    await storage.publishIssue(issue.id, {
      inTransaction: async (trx, stored) => {
        const { enqueueNewIssue } = await import('../../../src/server/notifications')
        await enqueueNewIssue(trx.notifications, stored, config)
      },
    })
    const progress = await storage.notifications.deliveryProgress(issue.id)
    expect(progress).toMatchObject({ queued: n, cancelled: n, total: 2 * n, recentFailures: [] })
  })

  it('does nothing when no template is configured', async () => {
    const config = testConfig({ templateId: null })
    await subscribedMembers(storage, fake, ['o-disabled'])
    const issue = await publishNewIssue(storage, config)
    expect((await storage.notifications.deliveryCounts(issue.id)).total).toBe(0)
  })
})
