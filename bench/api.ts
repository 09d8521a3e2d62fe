/**
 * API throughput and latency (autocannon) on a ten-year archive (~500 issues generated from the
 * samples), on SQLite and, when reachable, PostgreSQL. Every figure is printed next to a baseline
 * measured in the same run: a bare Node `http` server sending the very same bytes.
 * Targets: cached issue reads ≥ 0.7 of the baseline; search p99 < 20 ms.
 * Run: npm run bench:api   (BENCH_SECONDS=4, BENCH_ISSUES=500, TEST_DATABASE_URL for PostgreSQL)
 */
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { execFile } from 'node:child_process'
import pg from 'pg'
import { createServer } from '../src/server/server'
import { loadSettings } from '../src/server/config'
import { openSqliteStorage } from '../src/server/storage/sqlite'
import { openPostgresStorage } from '../src/server/storage/postgres'
import type { Storage } from '../src/server/storage/storage'
import type { WechatApi } from '../src/server/wechat/api'
import { generateArchive, loadSampleIssues } from './api-archive'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ISSUES = Number(process.env.BENCH_ISSUES ?? 500)
const CONNECTIONS = 10
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const QUERIES = ['毕节', '就业', '毕节 就业', '粤菜师傅', '劳模', '越秀区总工会', '脱贫攻坚', '职工', '工会', '2020', '花都工匠杯', '消费扶贫']

interface Load {
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

/** autocannon in a child process, so the load generator does not share the server's event loop. */
function load(url: string, paths: string[], seconds = SECONDS, connections = CONNECTIONS): Promise<Load> {
  const code = `
    const autocannon = require(process.argv[1])
    autocannon(JSON.parse(process.argv[2]), (err, r) => process.stdout.write(JSON.stringify(err ? { error: String(err) } :
      { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx })))`
  const options = { url, connections, duration: seconds, requests: paths.map((p) => ({ method: 'GET', path: p })) }
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', code, require.resolve('autocannon'), JSON.stringify(options)], { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) return reject(error)
      const m = JSON.parse(stdout)
      if (m.error) reject(new Error(m.error))
      else resolve(m)
    })
  })
}

/** The floor: a bare http server answering each path with the bytes the app sent for it. */
async function bareServer(bodies: Map<string, { body: Buffer; type: string }>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const hit = bodies.get(req.url ?? '')
    if (!hit) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': hit.type, 'content-length': hit.body.length })
    res.end(hit.body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) }
}

const noWechat: WechatApi = {
  code2Session: async () => Promise.reject(new Error('not used in this benchmark')),
  sendSubscribeMessage: async () => Promise.reject(new Error('not used in this benchmark')),
  getUnlimitedWxaCode: async () => Promise.reject(new Error('not used in this benchmark')),
}

async function fill(storage: Storage): Promise<number[]> {
  const archive = generateArchive(await loadSampleIssues(), ISSUES)
  const ids: number[] = []
  for (const issue of archive) {
    const { issue: stored } = await storage.saveDraft(issue)
    await storage.publishIssue(stored.id)
    ids.push(stored.id)
  }
  return ids
}

const row = (cells: Array<string | number>) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 40 : 13)).join(''))
const f = (n: number, digits = 0) => n.toFixed(digits)

/** Distinct queries cut from the archive's text (2–4 characters), for the uncached search run. */
function distinctQueries(bodies: string[], count: number): string[] {
  const text = bodies.join('').replace(/[^\u4e00-\u9fff]/gu, '')
  const out = new Set<string>()
  for (let i = 0; out.size < count && i < count * 20; i++) {
    const at = (i * 7919) % Math.max(1, text.length - 4)
    out.add(text.slice(at, at + 2 + (i % 3)))
  }
  return [...out]
}

async function benchBackend(name: string, storage: Storage) {
  const t0 = performance.now()
  const ids = await fill(storage)
  console.log(`\n${name}: ${ids.length} issues stored and published in ${f((performance.now() - t0) / 1000, 1)} s`)
  const start = async (searchResultCache: number) => {
    const settings = loadSettings({ RATE_LIMIT_SEARCH_PER_MINUTE: '1000000', RATE_LIMIT_AUTH_PER_MINUTE: '1000000', PUBLISHED_RECHECK_MS: '1000' })
    // Both servers share the storage: closing one must not close it.
    const { app } = await createServer({ settings, storage: { ...storage, close: async () => undefined }, wechat: noWechat, sessionSecret: 'b'.repeat(40), searchResultCache })
    await app.listen({ host: '127.0.0.1', port: 0 })
    return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
  }
  const { app, url } = await start(100)
  // The same server with its search caches off: every query is ranked and serialised afresh.
  const { app: uncachedApp, url: uncachedUrl } = await start(0)
  const issuePath = `/api/issues/${ids[Math.floor(ids.length / 2)]}`
  const searchPath = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=20`
  const popular = QUERIES.map(searchPath)
  const issueText = await (await fetch(url + issuePath)).text()
  // More distinct queries than the result cache holds, asked in turn: every one is ranked afresh.
  const distinct = distinctQueries([issueText], 400).map(searchPath)
  const bodies = new Map<string, { body: Buffer; type: string }>()
  for (const p of [issuePath, ...popular, ...distinct]) {
    const res = await fetch(url + p)
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`)
    bodies.set(p, { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'application/json' })
  }
  const bare = await bareServer(bodies)
  try {
    row(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'baseline r/s', 'base p99', 'ratio', 'errors'])
    for (const [label, target, paths, connections] of [
      [`GET ${issuePath} (${bodies.get(issuePath)!.body.length} B)`, url, [issuePath], CONNECTIONS],
      [`search, ${QUERIES.length} popular queries (cached)`, url, popular, CONNECTIONS],
      [`search, ${QUERIES.length} popular queries, cache off`, uncachedUrl, popular, CONNECTIONS],
      [`search, ${distinct.length} distinct, cache off`, uncachedUrl, distinct, CONNECTIONS],
      [`  same, 1 connection`, uncachedUrl, distinct, 1],
    ] as Array<[string, string, string[], number]>) {
      await load(bare.url, paths, 1, connections) // warm-up: JIT and connections, for both sides alike
      await load(target, paths, 1, connections)
      const base = await load(bare.url, paths, SECONDS, connections)
      const got = await load(target, paths, SECONDS, connections)
      row([label, f(got.rps), f(got.p50, 1), f(got.p99, 1), f(base.rps), f(base.p99, 1), f(got.rps / base.rps, 2), got.errors + got.non2xx])
    }
  } finally {
    await bare.close()
    await app.close()
    await uncachedApp.close()
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}

async function main() {
  console.log(`API benchmark: ${ISSUES} issues, ${SECONDS} s per run, ${CONNECTIONS} connections unless said, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`)
  console.log('targets: cached issue reads ≥ 0.7 × baseline req/s; search p99 < 20 ms')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-bench-'))
  const sqlite = openSqliteStorage(path.join(dir, 'bulletin.db'))
  try {
    await sqlite.migrate()
    await benchBackend('SQLite', sqlite)
  } finally {
    await sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  }
  if (!(await postgresReachable())) {
    console.log(`\nPostgreSQL at ${PG_URL} is not reachable: skipped`)
    return
  }
  const schema = `ub_bench_${process.pid}`
  await adminQuery(`create schema ${schema}`)
  const postgres = openPostgresStorage({ connectionString: PG_URL, schema })
  try {
    await postgres.migrate()
    await benchBackend('PostgreSQL', postgres)
  } finally {
    await postgres.close()
    await adminQuery(`drop schema if exists ${schema} cascade`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
