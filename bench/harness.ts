/**
 * What the API benchmarks share. Every server under test runs in a process of its own: the app as
 * `npm run server` runs it (dist/server/main.js, compiled), the baseline as a bare `node:http` server sending the
 * bytes the app sent (bench/bare-server.ts); the load comes from autocannon in a third process, kept warm for the whole run. So
 * neither side shares an event loop with the load generator, and each process's memory is its own
 * (read from /proc).
 */
import { fork, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openSqliteStorage } from '../src/server/storage/sqlite'
import { openPostgresStorage } from '../src/server/storage/postgres'
import type { Storage } from '../src/server/storage/storage'
import { generateArchive, loadSampleIssues } from './api-archive'

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const ADMIN_TOKEN = 'bench-admin-token-0123456789'
export const SESSION_SECRET = 's'.repeat(48)

export interface Load {
  rps: number
  p50: number
  p99: number
  max: number
  errors: number
  non2xx: number
  /** Every answer's time in ms, sorted. */
  latencies: number[]
}

/** p50, p99 and the slowest of the answers' times. */
function withPercentiles(load: Omit<Load, 'p50' | 'p99' | 'max'>): Load {
  const sorted = Float64Array.from(load.latencies).sort()
  const at = (q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))])
  return { ...load, latencies: Array.from(sorted), p50: at(0.5), p99: at(0.99), max: sorted.length === 0 ? NaN : sorted[sorted.length - 1] }
}

export interface LoadRequest {
  method?: string
  path: string
  headers?: Record<string, string>
}

/**
 * The load generator: autocannon in a process of its own, started once and kept for the whole
 * benchmark, so every measured run meets a warmed-up generator (a new process per run spent its
 * first few hundred milliseconds compiling autocannon, which showed as the servers' p99). It runs
 * what it is sent over IPC and answers with the figures; it does not keep the benchmark alive.
 */
const GENERATOR = `
  const autocannon = require(process.argv[1])
  process.on('message', ({ id, o }) => {
    let next = 0
    const all = o.all
    const requests = [{ setupRequest: (r) => ({ ...r, method: 'GET', ...all[next++ % all.length] }) }]
    // Every answer's time, to 0.01 ms: runs that make one figure are merged request by request.
    const latencies = []
    const run = autocannon({ url: o.url, connections: o.connections, duration: o.duration, requests }, (err, r) => process.send({ id, m: err ? { error: String(err) } :
      { rps: r.requests.average, errors: r.errors + r.timeouts, non2xx: r.non2xx, latencies } }))
    // As autocannon's own figures: the answers that succeeded (errors and non-2xx are counted apart).
    run.on('response', (_client, status, _bytes, ms) => status >= 200 && status < 300 && latencies.push(Math.round(ms * 100) / 100))
  })`
let generator: ChildProcess | null = null
let nextLoad = 1
const pendingLoads = new Map<number, { resolve: (l: Load) => void; reject: (e: Error) => void }>()

function loadGenerator(): ChildProcess {
  if (generator) return generator
  const child = spawn(process.execPath, ['-e', GENERATOR, require.resolve('autocannon')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const failAll = (error: Error) => {
    for (const [, waiting] of pendingLoads) waiting.reject(error)
    pendingLoads.clear()
  }
  child.on('message', ({ id, m }: { id: number; m: Omit<Load, 'p50' | 'p99' | 'max'> & { error?: string } }) => {
    const waiting = pendingLoads.get(id)
    pendingLoads.delete(id)
    if (m.error) waiting?.reject(new Error(m.error))
    else waiting?.resolve(withPercentiles(m))
    if (pendingLoads.size === 0) keepsAlive(child, false)
  })
  child.on('error', failAll)
  child.on('exit', (code) => {
    generator = null
    failAll(new Error(`the load generator exited (${code})`))
  })
  generator = child
  return child
}

/** Whether the generator (the process and its IPC channel) keeps the benchmark running: only while a run is asked. */
function keepsAlive(child: ChildProcess, busy: boolean) {
  const channel = child.channel as unknown as { ref(): void; unref(): void } | undefined
  if (busy) {
    child.ref()
    channel?.ref()
  } else {
    child.unref()
    channel?.unref()
  }
}

/**
 * A run of `seconds` at `connections` connections. The requests are taken in turn by all connections
 * together (one shared counter), so with many distinct requests no two connections ask the same thing at once.
 */
export function load(url: string, requests: LoadRequest[], seconds: number, connections: number): Promise<Load> {
  const child = loadGenerator()
  keepsAlive(child, true)
  const id = nextLoad++
  return new Promise((resolve, reject) => {
    pendingLoads.set(id, { resolve, reject })
    child.send({ id, o: { url, connections, duration: seconds, all: requests } })
  })
}

/**
 * The app and its baseline under the same load, alternating in slices of about a second (bare, app,
 * bare, app …, BENCH_ROUNDS of each, default 4) after a warm-up of each, so a change in the machine's
 * other load falls on both alike. Throughput is the mean of the slices; p50, p99 and the slowest are
 * those of all the answers of all the slices together.
 */
export async function compare(appUrl: string, bareUrl: string, requests: LoadRequest[], seconds: number, connections: number): Promise<{ got: Load; base: Load }> {
  await load(bareUrl, requests, 1, connections)
  await load(appUrl, requests, 1, connections)
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4))
  const slice = Math.max(1, Math.round(seconds / rounds))
  const runs: { got: Load[]; base: Load[] } = { got: [], base: [] }
  for (let i = 0; i < rounds; i++) {
    runs.base.push(await load(bareUrl, requests, slice, connections))
    runs.got.push(await load(appUrl, requests, slice, connections))
  }
  const merge = (list: Load[]): Load =>
    withPercentiles({
      rps: list.reduce((a, l) => a + l.rps, 0) / list.length,
      errors: list.reduce((a, l) => a + l.errors, 0),
      non2xx: list.reduce((a, l) => a + l.non2xx, 0),
      latencies: list.flatMap((l) => l.latencies),
    })
  return { got: merge(runs.got), base: merge(runs.base) }
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : NaN
}

export interface Proc {
  url: string
  pid: number
  close(): Promise<void>
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function waitForMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T))
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready`)))
  })
}

let built = false
/** The compiled server as `npm run server` runs it: built first when a source file changed. */
function buildServerOnce() {
  if (built) return
  execFileSync(process.execPath, [path.join(__dirname, '../config/build-server.js'), '--if-stale'], { stdio: 'inherit' })
  built = true
}

/** The real server process (dist/server/main.js, compiled) on that database; ready when /healthz answers. */
export async function startApp(db: Database, extraEnv: Record<string, string> = {}): Promise<Proc> {
  const port = 20000 + Math.floor(Math.random() * 20000)
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: db.dir,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ADMIN_TOKEN,
    SESSION_SECRET,
    NOTIFY_WORKER: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    RATE_LIMIT_SEARCH_PER_MINUTE: '1000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
    ...extraEnv,
  }
  buildServerOnce()
  const child = fork(path.join(__dirname, '../dist/server/main.js'), [], {
    env: env as NodeJS.ProcessEnv,
    // BENCH_NODE_ARGS: Node's own flags for the server (to profile it: --cpu-prof --cpu-prof-dir=…).
    execArgv: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`)
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) throw new Error('the server did not start in 60 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url, pid: child.pid!, close: () => stop(child) }
}

export interface Canned {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** Key of a canned answer: method, path and the content-encoding the client asked for. */
export const cannedKey = (method: string, p: string, encoding = '') => `${method} ${p} ${encoding}`

/** The baseline: a bare node:http server in its own process answering with these bytes. */
export async function startBare(answers: Map<string, Canned>): Promise<Proc> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-bare-'))
  const file = path.join(dir, 'answers.json')
  writeFileSync(file, JSON.stringify([...answers].map(([k, a]) => [k, a.status, a.headers, a.body.toString('base64')])))
  const child = fork(path.join(__dirname, 'bare-server.js'), [file], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const { port } = await waitForMessage<{ port: number }>(child, 'the bare server')
  rmSync(dir, { recursive: true, force: true })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, close: () => stop(child) }
}

/** One request with the raw bytes of the answer (not decoded, unlike fetch). */
export function rawRequest(url: string, r: LoadRequest): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url + r.path, { method: r.method ?? 'GET', headers: r.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end((r as { body?: string }).body)
  })
}

/** Asks the app for each request and keeps the bytes it answered, for the bare server to send. */
export async function capture(app: Proc, requests: Array<LoadRequest & { body?: string }>, answers = new Map<string, Canned>()): Promise<Map<string, Canned>> {
  for (const r of requests) {
    const method = r.method ?? 'GET'
    const res = await rawRequest(app.url, r)
    if (res.status >= 400) throw new Error(`${method} ${r.path} answered ${res.status}`)
    const headers: Record<string, string> = { 'content-type': String(res.headers['content-type'] ?? 'application/json') }
    if (res.headers['content-encoding']) headers['content-encoding'] = String(res.headers['content-encoding'])
    answers.set(cannedKey(method, r.path, r.headers?.['accept-encoding'] ?? ''), { status: res.status, headers, body: res.body })
  }
  return answers
}

export interface Database {
  name: 'SQLite' | 'PostgreSQL'
  /** DATA_DIR for the server processes (the SQLite file lives there). */
  dir: string
  url: string | null
  /** A storage of the bench's own on it (to fill it). */
  open(): Storage
  drop(): Promise<void>
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}

export async function postgresReachable(): Promise<boolean> {
  return adminQuery('select 1').then(
    () => true,
    () => false,
  )
}

/** A fresh SQLite file or PostgreSQL database, dropped by drop(). */
export async function createDatabase(kind: 'sqlite' | 'postgres'): Promise<Database> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-bench-'))
  if (kind === 'sqlite') {
    return { name: 'SQLite', dir, url: null, open: () => openSqliteStorage(path.join(dir, 'bulletin.db')), drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `ub_bench_${process.pid}_${Date.now()}`
  await adminQuery(`create database ${name}`)
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return {
    name: 'PostgreSQL',
    dir,
    url: url.toString(),
    open: () => openPostgresStorage({ connectionString: url.toString() }),
    async drop() {
      rmSync(dir, { recursive: true, force: true })
      await adminQuery(`drop database if exists ${name} with (force)`)
    },
  }
}

/** Stores and publishes `count` generated issues; returns their ids, oldest first. */
export async function fill(db: Database, count: number): Promise<number[]> {
  const storage = db.open()
  try {
    await storage.migrate()
    const ids: number[] = []
    for (const issue of generateArchive(await loadSampleIssues(), count)) {
      const { issue: stored } = await storage.saveDraft(issue)
      await storage.publishIssue(stored.id)
      ids.push(stored.id)
    }
    return ids
  } finally {
    await storage.close()
  }
}

export const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–')
export const row = (cells: Array<string | number>, first = 44) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? first : 12)).join(''))
export const verdict = (met: boolean) => (met ? 'goal met' : 'GOAL MISSED')

export function machine(): string {
  return `${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`
}
