/** Claims on both databases: the limit holds, claims are exclusive, vanished workers' rows come back. */
import { describeOnEachBackend } from '../support/storages'
import type { Storage } from '../../../src/server/storage/storage'
import { rawDatabaseOf } from '../support/raw-database'
import { TEMPLATE, publishNewIssue, testConfig } from './support'

describeOnEachBackend('delivery claims', (backend) => {
  let storage: Storage
  beforeAll(async () => {
    storage = await backend.open()
  })
  afterAll(async () => {
    await storage.close()
    await backend.cleanup()
  })

  it('claims at most the limit, never the same row twice, and takes back expired leases', async () => {
    for (let i = 0; i < 10; i++) {
      const m = await storage.memberByOpenid(`c-${i}`)
      await storage.notifications.recordSubscribeResult(m.id, TEMPLATE, 'accept')
    }
    const issue = await publishNewIssue(storage, testConfig())
    const now = Date.now()
    const a = await storage.notifications.claimDue('A', 3, 10_000, now)
    expect(a).toHaveLength(3)
    expect(a.every((d) => d.attempts === 1 && d.issueId === issue.id)).toBe(true)
    // Claimed at once: whichever statement runs first, B (asking for 4) and C (asking for 3) share the
    // 7 rows left without overlap. (C asking for 4 made the split depend on which ran first.)
    const [b, c] = await Promise.all([storage.notifications.claimDue('B', 4, 10_000, now), storage.notifications.claimDue('C', 3, 1_000, now)])
    expect(b).toHaveLength(4)
    expect(c).toHaveLength(3)
    const ids = [...a, ...b, ...c].map((d) => d.id)
    expect(new Set(ids).size).toBe(10)
    expect(await storage.notifications.claimDue('D', 5, 10_000, now)).toEqual([])

    // A: one sent. C vanished: after its 1 s lease, its three rows are queued again, marked in doubt.
    await storage.notifications.recordOutcomes('A', [{ id: a[0].id, kind: 'sent', msgid: '42' }])
    expect(await storage.notifications.releaseExpiredLeases(now + 500)).toBe(0)
    // C's own sweep leaves them: a live worker's expired rows are still in flight or being recorded.
    expect(await storage.notifications.releaseExpiredLeases(now + 2_000, 'C')).toBe(0)
    expect(await storage.notifications.releaseExpiredLeases(now + 2_000, 'A')).toBe(3)
    expect(await storage.notifications.deliveryCounts(issue.id)).toMatchObject({ sent: 1, sending: 6, queued: 3 })
    const again = await storage.notifications.claimDue('E', 10, 10_000, now + 2_000)
    expect(again.map((d) => d.id).sort()).toEqual(c.map((d) => d.id).sort())
    expect(again.every((d) => d.inDoubt === 1 && d.attempts === 2)).toBe(true)

    // An outcome from a worker whose lease was lost still records `sent` (WeChat has it); a retry from it does not.
    await storage.notifications.recordOutcomes('C', [
      { id: c[0].id, kind: 'sent', msgid: '43' },
      { id: c[1].id, kind: 'retry', errcode: -1, error: 'busy', nextAttemptAt: now },
    ])
    const rows = await rawDatabaseOf(storage).selectFrom('notify_deliveries').select(['id', 'status', 'claimed_by']).where('id', 'in', [c[0].id, c[1].id]).orderBy('id').execute()
    expect(rows.map((r) => [r.status, r.claimed_by])).toEqual([
      ['sent', 'E'],
      ['sending', 'E'],
    ])
  })
})
