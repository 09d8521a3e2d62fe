/**
 * Two workers (each with its own connection pool, as two processes would have) on one PostgreSQL
 * database share a fan-out: every delivery is claimed by exactly one of them (FOR UPDATE SKIP
 * LOCKED), so WeChat receives exactly one request per member, and both did part of the work.
 */
import { describePostgres, TEST_DATABASE_URL } from '../../support/requirements'
import { adminQuery } from '../../support/postgres-admin'
import { openPostgresStorage } from '../../../src/server/storage/postgres'
import type { Storage } from '../../../src/server/storage/storage'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { startNotificationWorker } from '../../../src/server/notifications'
import { closeRawDatabaseOf, rememberPlace } from '../support/raw-database'
import { ISSUE_PAGE, TEMPLATE, deliveriesOf, publishNewIssue, settled, subscribedMembers, testConfig, wechatFor } from './support'

jest.setTimeout(60_000)

const admin = adminQuery

describePostgres('two workers on one PostgreSQL database', () => {
  const schema = `ub_notify_two_${process.pid}_${Date.now()}`
  let first: Storage
  let second: Storage
  let fake: FakeWechat
  beforeAll(async () => {
    await admin(`create schema ${schema}`)
    first = rememberPlace(openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 4 }), { connectionString: TEST_DATABASE_URL, schema })
    second = openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 4 })
    await first.migrate()
    fake = await startFakeWechat({ templates: [TEMPLATE], pages: [ISSUE_PAGE], delayMs: 2 })
  })
  afterAll(async () => {
    await fake.close()
    await first.close()
    await closeRawDatabaseOf(first)
    await second.close()
    await admin(`drop schema if exists ${schema} cascade`)
  })

  it('never sends the same delivery twice', async () => {
    const openids = Array.from({ length: 1200 }, (_, i) => `w-${String(i).padStart(5, '0')}`)
    await subscribedMembers(first, fake, openids)
    const config = testConfig({ concurrency: 8, pollMs: 10 })
    const issue = await publishNewIssue(first, config)
    const workers = [first, second].map((s, i) => startNotificationWorker({ notifications: s.notifications, wechat: wechatFor(fake, s), config, workerId: `worker-${i + 1}` }))
    try {
      expect(await settled(first, issue.id, 50_000)).toMatchObject({ sent: 1200, refused: 0, failed: 0 })
    } finally {
      await Promise.all(workers.map((w) => w.stop()))
    }
    const page = `pages/issue/index?id=${issue.id}`
    const requested = fake.requests.filter((r) => r.endpoint === 'subscribe/send' && (r.body as { page?: string }).page === page)
    expect(requested.map((r) => (r.body as { touser: string }).touser).sort()).toEqual(openids)
    expect(
      fake.sentMessages
        .filter((m) => m.page === page)
        .map((m) => m.touser)
        .sort(),
    ).toEqual(openids)
    const byWorker = new Map<string | null, number>()
    for (const row of await deliveriesOf(first, issue.id)) byWorker.set(row.claimed_by, (byWorker.get(row.claimed_by) ?? 0) + 1)
    expect([...byWorker.keys()].sort()).toEqual(['worker-1', 'worker-2'])
    for (const n of byWorker.values()) expect(n).toBeGreaterThan(100)
  })
})
