/**
 * `npm run server` as a real process: starts on a fresh DATA_DIR (or a fresh PostgreSQL schema),
 * seeds the samples, prints its URL, serves the API, and exits 0 on SIGTERM. Also: several processes
 * starting at once against one PostgreSQL database migrate safely.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describePostgres, TEST_DATABASE_URL } from '../../support/requirements'
import { adminQuery } from '../../support/postgres-admin'
import { ROOT, startServerProcess, type RunningServer } from '../support/server-process'

type Running = RunningServer
const startServer = startServerProcess

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.removeAllListeners('exit')
    child.on('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

async function checkSeededApi(url: string) {
  const list = await (await fetch(`${url}api/issues`)).json()
  expect(list.items.map((i: { label: string }) => i.label)).toContain('〔2020〕第二十期')
  const search = await (await fetch(`${url}api/search?q=${encodeURIComponent('毕节')}`)).json()
  expect(search.total).toBeGreaterThan(0)
  const health = await fetch(`${url}healthz`)
  expect(health.status).toBe(200)
}

describe('the server process on SQLite', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-server-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('seeds the samples, serves the API, keeps session tokens across restarts, stops on SIGTERM', async () => {
    const first = await startServer({ DATA_DIR: dir, ADMIN_TOKEN: 'process-test-admin-token' })
    let token: string
    try {
      await checkSeededApi(first.url)
      const session = await (
        await fetch(`${first.url}api/auth/device`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ deviceId: 'process-test-device-01' }),
        })
      ).json()
      token = session.token
      const admin = await fetch(`${first.url}api/admin/issues`, { headers: { authorization: 'Bearer process-test-admin-token' } })
      expect(admin.status).toBe(200)
      expect(first.output()).toMatch(/fake WeChat/)
    } finally {
      expect(await stop(first.child)).toBe(0)
    }
    const second = await startServer({ DATA_DIR: dir })
    try {
      const favourites = await fetch(`${second.url}api/me/favourites`, { headers: { authorization: `Bearer ${token}` } })
      expect(favourites.status).toBe(200)
      const list = await (await fetch(`${second.url}api/issues`)).json()
      expect(list.items).toHaveLength(1) // not seeded twice
      expect((await fetch(`${second.url}api/admin/issues`)).status).toBe(404)
    } finally {
      expect(await stop(second.child)).toBe(0)
    }
  })

  it('stops within the bound on SIGTERM even when its standard output was closed', async () => {
    const running = await startServer({ DATA_DIR: dir, LOG_LEVEL: 'info' })
    // The reader of its stdout goes away (a closed terminal, a dead log pipe); the server keeps logging.
    running.child.stdout!.destroy()
    for (let i = 0; i < 20; i++) expect((await fetch(`${running.url}api/issues`)).status).toBe(200)
    running.child.removeAllListeners('exit')
    const exited = new Promise<number | null>((resolve) => running.child.on('exit', (code) => resolve(code)))
    const started = Date.now()
    running.child.kill('SIGTERM')
    const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000))])
    if (code === 'still running') running.child.kill('SIGKILL')
    expect(code).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('refuses to start with a bad variable, naming it', async () => {
    await expect(startServer({ DATA_DIR: dir, PORT: 'eighty' })).rejects.toThrow(/PORT/)
  })
})

describePostgres('the server process on PostgreSQL', () => {
  const schema = `ub_proc_${process.pid}_${Date.now()}`
  const admin = adminQuery
  beforeAll(() => admin(`create schema ${schema}`))
  afterAll(() => admin(`drop schema if exists ${schema} cascade`))

  it('lets three processes start at once on one database: one schema, seeded once, all serving', async () => {
    const url = new URL(TEST_DATABASE_URL)
    url.searchParams.set('options', `-c search_path=${schema}`)
    const dirs = [0, 1, 2].map(() => mkdtempSync(path.join(os.tmpdir(), 'ub-server-pg-')))
    const env = (i: number) => ({ DATABASE_URL: url.toString(), DATA_DIR: dirs[i], SESSION_SECRET: 's'.repeat(40), ADMIN_TOKEN: 'shared-admin-token-0001' })
    const servers = await Promise.allSettled([0, 1, 2].map((i) => startServer(env(i))))
    try {
      expect(servers.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started'])
      for (const s of servers) if (s.status === 'fulfilled') await checkSeededApi(s.value.url)
      const first = (servers[0] as PromiseFulfilledResult<Running>).value
      const list = await (await fetch(`${first.url}api/issues`)).json()
      expect(list.items).toHaveLength(1)

      // Published through one process, readable and searchable through another within a second or so;
      // a token signed by one is accepted by another (shared SESSION_SECRET).
      const second = (servers[1] as PromiseFulfilledResult<Running>).value
      const admin = { authorization: 'Bearer shared-admin-token-0001' }
      const text = readFileSync(path.join(ROOT, 'samples/gonghui-xinxi-2020-20.md'), 'utf8')
        .replace('〔2020〕第二十期', '〔2020〕第九十期')
        .replaceAll('市总工会系统开展', '市总工会系统隆重开展')
      const draft = await (await fetch(`${first.url}api/admin/issues`, { method: 'POST', headers: { ...admin, 'content-type': 'text/markdown' }, body: text })).json()
      expect((await fetch(`${second.url}api/issues/${draft.id}`)).status).toBe(404)
      expect((await fetch(`${first.url}api/admin/issues/${draft.id}/publish`, { method: 'POST', headers: admin })).status).toBe(200)
      let seen = 0
      for (let i = 0; i < 40 && seen !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100))
        seen = (await fetch(`${second.url}api/issues/${draft.id}`)).status
      }
      expect(seen).toBe(200)
      // Search follows the published version, which another process's publish reaches within
      // PUBLISHED_RECHECK_MS (a read of an issue not yet held in memory may see it sooner).
      let found: number[] = []
      for (let i = 0; i < 40 && found.length === 0; i++) {
        found = (await (await fetch(`${second.url}api/search?q=${encodeURIComponent('隆重开展')}`)).json()).items.map((h: { issueId: number }) => h.issueId)
        if (found.length === 0) await new Promise((r) => setTimeout(r, 100))
      }
      expect(found).toEqual([draft.id])
      const session = await (
        await fetch(`${first.url}api/auth/device`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ deviceId: 'shared-secret-device-01' }),
        })
      ).json()
      expect((await fetch(`${second.url}api/me/favourites`, { headers: { authorization: `Bearer ${session.token}` } })).status).toBe(200)
    } finally {
      for (const s of servers) if (s.status === 'fulfilled') await stop(s.value.child)
      for (const d of dirs) rmSync(d, { recursive: true, force: true })
    }
  })
})
