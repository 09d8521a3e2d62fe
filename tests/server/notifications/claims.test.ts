/** Claims on both databases: the limit holds, claims are exclusive, vanished workers' rows come back. */
import { describeOnEachBackend } from '../support/storages'
import type { Storage } from '../../../src/server/storage/storage'
import { claimDue, recordOutcomes, releaseExpiredLeases } from '../../../src/server/notifications/claims'
import { deliveryCounts } from '../../../src/server/notifications'
import { recordSubscribeResult } from '../../../src/server/notifications/credits'
import { TEMPLATE, prepare, publishNewIssue, testConfig } from './support'

describeOnEachBackend('delivery claims', (backend) => {
  let storage: Storage
  beforeAll(async () => {
    storage = await backend.open()
    await prepare(storage)
  })
  afterAll(async () => {
    await storage.close()
    await backend.cleanup()
  })

  it('claims at most the limit, never the same row twice, and takes back expired leases', async () => {
    for (let i = 0; i < 10; i++) {
      const m = await storage.memberByOpenid(`c-${i}`)
      await recordSubscribeResult(storage.db, m.id, TEMPLATE, 'accept')
    }
    const issue = await publishNewIssue(storage, testConfig())
    const now = Date.now()
    const a = await claimDue(storage.db, storage.dialect, 'A', 3, 10_000, now)
    expect(a).toHaveLength(3)
    expect(a.every((d) => d.attempts === 1 && d.issueId === issue.id)).toBe(true)
    const [b, c] = await Promise.all([
      claimDue(storage.db, storage.dialect, 'B', 4, 10_000, now),
      claimDue(storage.db, storage.dialect, 'C', 4, 1_000, now),
    ])
    expect(b).toHaveLength(4)
    expect(c).toHaveLength(3)
    const ids = [...a, ...b, ...c].map((d) => d.id)
    expect(new Set(ids).size).toBe(10)
    expect(await claimDue(storage.db, storage.dialect, 'D', 5, 10_000, now)).toEqual([])

    // A: one sent. C vanished: after its 1 s lease, its three rows are queued again, marked in doubt.
    await recordOutcomes(storage.db, storage.dialect, 'A', [{ id: a[0].id, kind: 'sent', msgid: '42' }])
    expect(await releaseExpiredLeases(storage.db, now + 500)).toBe(0)
    // C's own sweep leaves them: a live worker's expired rows are still in flight or being recorded.
    expect(await releaseExpiredLeases(storage.db, now + 2_000, 'C')).toBe(0)
    expect(await releaseExpiredLeases(storage.db, now + 2_000, 'A')).toBe(3)
    expect(await deliveryCounts(storage.db, issue.id)).toMatchObject({ sent: 1, sending: 6, queued: 3 })
    const again = await claimDue(storage.db, storage.dialect, 'E', 10, 10_000, now + 2_000)
    expect(again.map((d) => d.id).sort()).toEqual(c.map((d) => d.id).sort())
    expect(again.every((d) => d.inDoubt === 1 && d.attempts === 2)).toBe(true)

    // An outcome from a worker whose lease was lost still records `sent` (WeChat has it); a retry from it does not.
    await recordOutcomes(storage.db, storage.dialect, 'C', [{ id: c[0].id, kind: 'sent', msgid: '43' }, { id: c[1].id, kind: 'retry', errcode: -1, error: 'busy', nextAttemptAt: now }])
    const rows = await storage.db.selectFrom('notify_deliveries').select(['id', 'status', 'claimed_by']).where('id', 'in', [c[0].id, c[1].id]).orderBy('id').execute()
    expect(rows.map((r) => [r.status, r.claimed_by])).toEqual([['sent', 'E'], ['sending', 'E']])
  })
})
