/**
 * The worker as its own process (`npm run worker`), killed with SIGKILL at several points of a
 * fan-out and restarted each time: in the end every member has exactly one message (counted at the
 * fake WeChat server), and no delivery is left queued or sending.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStorage } from '../../../src/server/storage/sqlite'
import type { Storage } from '../../../src/server/storage/storage'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { closeRawDatabaseOf, rememberPlace } from '../support/raw-database'
import { ISSUE_PAGE, TEMPLATE, clearCredits, deliveriesOf, publishNewIssue, subscribedMembers, testConfig, waitFor } from './support'
import { kill9, spawnWorker, type WorkerProcess } from './worker-process'

jest.setTimeout(120_000)

describe('worker killed with kill -9 and restarted', () => {
  let dir: string
  let storage: Storage
  let fake: FakeWechat
  let running: WorkerProcess | null = null
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-notify-kill-'))
    const sqliteFile = path.join(dir, 'bulletin.db')
    storage = rememberPlace(openSqliteStorage(sqliteFile), { sqliteFile })
    await storage.migrate()
    fake = await startFakeWechat({ templates: [TEMPLATE], pages: [ISSUE_PAGE], delayMs: 15 })
  })
  afterAll(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) await kill9(running).catch(() => undefined)
    await fake.close()
    await storage.close()
    await closeRawDatabaseOf(storage)
    rmSync(dir, { recursive: true, force: true })
  })

  it('resumes after each kill and delivers every message exactly once', async () => {
    const members = 400
    const openids = Array.from({ length: members }, (_, i) => `k-${String(i).padStart(4, '0')}`)
    await subscribedMembers(storage, fake, openids)
    const issue = await publishNewIssue(storage, testConfig())
    const page = `pages/issue/index?id=${issue.id}`
    const sentForIssue = () => fake.sentMessages.filter((m) => m.page === page).length
    const env = {
      DATA_DIR: dir,
      WECHAT_API_BASE: fake.baseUrl,
      WECHAT_APPID: fake.appid,
      WECHAT_SECRET: fake.secret,
      WECHAT_TEMPLATE_NEW_ISSUE: TEMPLATE,
      WECHAT_SEND_RATE: '0',
      NOTIFY_CONCURRENCY: '8',
      NOTIFY_LEASE_SECONDS: '1',
      NOTIFY_POLL_MS: '50',
      NOTIFY_RETRY_BASE_MS: '50',
    }

    // 1: killed while starting (before or around its first claim).
    running = spawnWorker(env)
    await new Promise((r) => setTimeout(r, 400))
    await kill9(running)
    // 2, 3 and 4: killed as the first answers arrive and twice mid-run, with sends in flight (the fake
    // answers after 15 ms). The last kill point leaves half the fan-out, so that a test process slowed
    // by a loaded machine still kills the worker before it has finished.
    for (const atLeast of [1, 100, 200]) {
      running = spawnWorker(env)
      await waitFor(`${atLeast} messages`, () => sentForIssue() >= atLeast, 60_000)
      await kill9(running)
      const counts = await storage.notifications.deliveryCounts(issue.id)
      expect(counts.sent + counts.refused).toBeLessThan(members) // really killed mid-run
    }
    // 5: runs to the end, then stops gracefully.
    running = spawnWorker(env)
    await waitFor(
      'the fan-out to settle',
      async () => {
        const c = await storage.notifications.deliveryCounts(issue.id)
        return c.queued + c.sending === 0 ? c : null
      },
      60_000,
    )
    running.child.kill('SIGTERM')
    expect(await running.exited).toEqual({ code: 0, signal: null })

    const received = fake.sentMessages
      .filter((m) => m.page === page)
      .map((m) => m.touser)
      .sort()
    expect(received).toEqual(openids) // each exactly once: none missing, none twice
    const rows = await deliveriesOf(storage, issue.id)
    expect(rows.filter((r) => r.status !== 'sent' && r.status !== 'refused')).toEqual([])
    // A delivery is only marked refused when an earlier attempt's outcome was lost in a kill
    // (WeChat had taken it and so refused the second copy: the member still got exactly one).
    for (const r of rows.filter((r) => r.status === 'refused')) expect(Number(r.in_doubt)).toBeGreaterThan(0)
    const progress = await storage.notifications.deliveryProgress(issue.id)
    expect(progress).toMatchObject({ total: members, queued: 0, sending: 0, inDoubt: rows.filter((r) => Number(r.in_doubt) > 0).length })

    console.log(`kill -9 test: ${rows.filter((r) => r.status === 'sent').length} recorded sent, ${rows.filter((r) => Number(r.in_doubt) > 0).length} in doubt after kills`)
  })

  it('two worker processes on one SQLite file share the work and send each message once', async () => {
    await clearCredits(storage)
    const openids = Array.from({ length: 300 }, (_, i) => `s-${String(i).padStart(4, '0')}`)
    await subscribedMembers(storage, fake, openids)
    const env = {
      DATA_DIR: dir,
      LOG_LEVEL: 'info',
      WECHAT_API_BASE: fake.baseUrl,
      WECHAT_APPID: fake.appid,
      WECHAT_SECRET: fake.secret,
      WECHAT_TEMPLATE_NEW_ISSUE: TEMPLATE,
      WECHAT_SEND_RATE: '0',
      NOTIFY_CONCURRENCY: '4',
      NOTIFY_POLL_MS: '20',
    }
    const pair = [spawnWorker(env), spawnWorker(env)]
    // Publish only when both are polling: on a loaded machine one process can take seconds longer to
    // start than the other, long enough for the first to send all 300 alone.
    let issue: Awaited<ReturnType<typeof publishNewIssue>>
    try {
      await waitFor('both workers to start', () => pair.every((w) => w.output().includes('notifications: worker started')), 60_000)
      issue = await publishNewIssue(storage, testConfig())
      await waitFor(
        'the fan-out to settle',
        async () => {
          const c = await storage.notifications.deliveryCounts(issue.id)
          return c.queued + c.sending === 0 ? c : null
        },
        60_000,
      )
    } finally {
      for (const w of pair) w.child.kill('SIGTERM')
      for (const w of pair) expect(await w.exited).toEqual({ code: 0, signal: null })
    }
    const page = `pages/issue/index?id=${issue.id}`
    const requested = fake.requests.filter((r) => r.endpoint === 'subscribe/send' && (r.body as { page?: string }).page === page)
    expect(requested.map((r) => (r.body as { touser: string }).touser).sort()).toEqual(openids)
    const rows = await deliveriesOf(storage, issue.id)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    expect(new Set(rows.map((r) => r.claimed_by)).size).toBe(2)
  })
})
