/**
 * The database goes away under a running server: its own connections are terminated under load (what
 * a failover, a restart, idle_session_timeout or a proxy does), then the database refuses connections
 * for a while, then it is dropped. The server process stays up throughout, answers 503 JSON (and
 * /healthz 503) while the database is away, and serves again by itself once it is back; its
 * notification worker carries on sending.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describePostgres, TEST_DATABASE_URL } from '../../support/requirements'
import { adminQuery } from '../../support/postgres-admin'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { ROOT, startServerProcess } from '../support/server-process'

const startServer = (env: Record<string, string>) => startServerProcess({ LOG_LEVEL: 'error', ...env })

/** Asks until `ok` holds for an answer (the server needs a moment to notice the database is back). */
async function eventually(url: string, ok: (status: number) => boolean, what: string): Promise<number> {
  let status = 0
  for (let i = 0; i < 200; i++) {
    status = (await fetch(url)).status
    if (ok(status)) return status
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${what}: still ${status}`)
}

describePostgres('when the database goes away', () => {
  const database = `ub_away_${process.pid}_${Date.now()}`
  let dir: string
  let server: { child: ChildProcess; url: string }
  let exitCode: number | null | undefined

  beforeAll(async () => {
    await adminQuery(`create database ${database}`)
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-away-'))
    const url = new URL(TEST_DATABASE_URL)
    url.pathname = `/${database}`
    server = await startServer({ DATABASE_URL: url.toString(), DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40) })
    server.child.removeAllListeners('exit')
    server.child.on('exit', (code) => (exitCode = code))
  }, 60_000)

  afterAll(async () => {
    if (exitCode === undefined) server?.child.kill('SIGKILL')
    await adminQuery(`drop database if exists ${database} with (force)`)
    rmSync(dir, { recursive: true, force: true })
  })

  const terminate = () => adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()`)

  it('survives its connections being terminated under load', async () => {
    const statuses: number[] = []
    let loading = true
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (loading) {
          const status = (await fetch(`${server.url}api/issues`).catch(() => ({ status: -1 }))).status
          statuses.push(status)
          if (status === -1) return // the server is gone: the assertions below say so
        }
      }),
    )
    try {
      for (let round = 0; round < 5; round++) {
        await terminate()
        await eventually(`${server.url}healthz`, (s) => s === 200, 'healthy again after terminate')
      }
    } finally {
      loading = false
      await load
    }
    expect(exitCode).toBeUndefined()
    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true)
    expect((await fetch(`${server.url}api/issues`)).status).toBe(200)
  }, 60_000)

  it('answers 503 JSON while the database refuses connections, and serves again once it is back', async () => {
    await adminQuery(`alter database ${database} allow_connections false`)
    await terminate()
    try {
      await eventually(`${server.url}healthz`, (s) => s === 503, 'healthz while away')
      const res = await fetch(`${server.url}api/issues?limit=3`)
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ error: { code: 'database-unavailable', message: expect.any(String) } })
    } finally {
      await adminQuery(`alter database ${database} allow_connections true`)
    }
    await eventually(`${server.url}healthz`, (s) => s === 200, 'healthz once back')
    expect((await fetch(`${server.url}api/issues`)).status).toBe(200)
    expect(exitCode).toBeUndefined()
  }, 60_000)

  it('stays up when the database is dropped, answering 503', async () => {
    await adminQuery(`drop database ${database} with (force)`)
    await eventually(`${server.url}healthz`, (s) => s === 503, 'healthz after drop')
    const res = await fetch(`${server.url}api/issues/1`)
    expect(res.status).toBe(503)
    expect(exitCode).toBeUndefined()
    await adminQuery(`create database ${database}`)
  }, 60_000)
})

describePostgres('the notification worker when the database goes away', () => {
  const database = `ub_away_worker_${process.pid}_${Date.now()}`
  const TEMPLATE = 'TPL_AWAY_0001'
  const ADMIN = { authorization: 'Bearer away-admin-token-00000001' }
  let dir: string
  let fake: FakeWechat
  let server: { child: ChildProcess; url: string }
  let exitCode: number | null | undefined

  beforeAll(async () => {
    await adminQuery(`create database ${database}`)
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-away-worker-'))
    fake = await startFakeWechat({ templates: [TEMPLATE], pages: ['pages/issue/index'] })
    const url = new URL(TEST_DATABASE_URL)
    url.pathname = `/${database}`
    server = await startServer({
      DATABASE_URL: url.toString(),
      DATA_DIR: dir,
      SESSION_SECRET: 's'.repeat(40),
      ADMIN_TOKEN: ADMIN.authorization.slice(7),
      WECHAT_API_BASE: fake.baseUrl,
      WECHAT_APPID: fake.appid,
      WECHAT_SECRET: fake.secret,
      WECHAT_TEMPLATE_NEW_ISSUE: TEMPLATE,
      NOTIFY_POLL_MS: '50',
    })
    server.child.removeAllListeners('exit')
    server.child.on('exit', (code) => (exitCode = code))
  }, 60_000)

  afterAll(async () => {
    if (exitCode === undefined) server?.child.kill('SIGKILL')
    await fake?.close()
    await adminQuery(`drop database if exists ${database} with (force)`)
    rmSync(dir, { recursive: true, force: true })
  })

  it('carries on sending once the database is back', async () => {
    const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    const signIn = await post('api/auth/wechat', { code: fake.issueLoginCode('away-member') })
    const session = await signIn.json()
    expect([signIn.status, session]).toEqual([200, expect.objectContaining({ token: expect.any(String) })])
    expect((await post('api/me/subscriptions', { templateId: TEMPLATE, result: 'accept' }, { authorization: `Bearer ${session.token}` })).status).toBe(200)
    fake.grantSubscription('away-member', TEMPLATE)

    // The database goes away while the worker polls, and comes back.
    await adminQuery(`alter database ${database} allow_connections false`)
    await adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()`)
    await eventually(`${server.url}healthz`, (s) => s === 503, 'healthz while away')
    await adminQuery(`alter database ${database} allow_connections true`)
    await eventually(`${server.url}healthz`, (s) => s === 200, 'healthz once back')

    const text = readFileSync(path.join(ROOT, 'samples/gonghui-xinxi-2020-20.md'), 'utf8').replace('〔2020〕第二十期', '〔2020〕第二十一期')
    const draft = await (await fetch(`${server.url}api/admin/issues`, { method: 'POST', headers: { ...ADMIN, 'content-type': 'text/markdown' }, body: text })).json()
    expect((await fetch(`${server.url}api/admin/issues/${draft.id}/publish`, { method: 'POST', headers: ADMIN })).status).toBe(200)
    for (let i = 0; i < 200 && fake.sentMessages.length === 0; i++) await new Promise((r) => setTimeout(r, 50))
    expect(fake.sentMessages.map((m) => m.touser)).toEqual(['away-member'])
    expect(exitCode).toBeUndefined()
  }, 60_000)
})
