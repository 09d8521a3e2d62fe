/**
 * bench/notify (`npm run bench:notify`): fans a new issue out to 10,000, 50,000 and 100,000 members
 * through the real worker (claims, WeChat client, outcome writes) against the fake WeChat server with
 * the rate limit off, and reports messages per second and peak memory of this process, next to a
 * baseline measured in the same run: the same number of raw keep-alive HTTP POSTs to the fake with
 * the same concurrency and no database. The fake runs in a child process so its memory (it keeps
 * every member's credit) is not counted against the worker.
 *
 *   npm run bench:notify                        # SQLite, 10k/50k/100k
 *   npm run bench:notify -- --db=postgres       # PostgreSQL at TEST_DATABASE_URL (fresh schema)
 *   npm run bench:notify -- --sizes=10000,20000 --concurrency=64
 * Bounded: BENCH_MAX_SECONDS (default 240) stops the run with what it has.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { sql } from 'kysely'
import pg from 'pg'
import { openSqliteStorage } from '../src/server/storage/sqlite'
import { openPostgresStorage } from '../src/server/storage/postgres'
import type { Storage } from '../src/server/storage/storage'
import { startFakeWechat } from '../src/server/wechat/fake-server'
import { createWechatClient } from '../src/server/wechat/client'
import { createDbTokenCache, enqueueNewIssue, parseFieldSpec, startNotificationWorker, type NotificationConfig } from '../src/server/notifications'
import { openRawDatabase, type DatabasePlace } from '../tests/server/support/raw-database'

const TEMPLATE = 'TPL_BENCH_NEW_ISSUE'

// ---- child mode: the fake WeChat server, driven over IPC ------------------------------------
async function runFakeChild() {
  const fake = await startFakeWechat({ record: false, templates: [TEMPLATE], tokenTtlSeconds: 7200 })
  process.on('message', (m: any) => {
    if (m.type === 'grant') {
      for (let i = m.from; i <= m.to; i++) fake.grantSubscription(`${m.prefix}${i}`, TEMPLATE)
      process.send!({ type: 'granted', id: m.id })
    } else if (m.type === 'count') {
      process.send!({ type: 'count', id: m.id, sent: fake.sentCount })
    } else if (m.type === 'close') {
      void fake.close().then(() => process.exit(0))
    }
  })
  process.send!({ type: 'ready', baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret })
}

// ---- parent ------------------------------------------------------------------------------------
interface FakeHandle {
  baseUrl: string
  appid: string
  secret: string
  ask(msg: object): Promise<any>
  close(): void
}

function startFakeChild(): Promise<FakeHandle> {
  const child: ChildProcess = fork(__filename, ['--fake-child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  let nextId = 1
  const waiting = new Map<number, (m: any) => void>()
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.on('message', (m: any) => {
      if (m.type === 'ready') {
        resolve({
          baseUrl: m.baseUrl,
          appid: m.appid,
          secret: m.secret,
          ask(msg) {
            const id = nextId++
            child.send({ ...msg, id })
            return new Promise((r) => waiting.set(id, r))
          },
          close() {
            child.send({ type: 'close' })
          },
        })
      } else if (waiting.has(m.id)) {
        waiting.get(m.id)!(m)
        waiting.delete(m.id)
      }
    })
  })
}

function memorySampler() {
  let peakRss = 0
  let peakHeap = 0
  const sample = () => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }
  sample()
  const timer = setInterval(sample, 25)
  return {
    stop() {
      clearInterval(timer)
      sample()
      return { peakRss, peakHeap }
    },
  }
}

// A full GC on demand (without needing `node --expose-gc`), to tell retained memory from garbage.
setFlagsFromString('--expose-gc')
const fullGc = runInNewContext('gc') as () => void
const retainedHeap = () => {
  fullGc()
  return process.memoryUsage().heapUsed
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0) + ' MB'
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback

/** Raw keep-alive POSTs to subscribe/send with `concurrency` in flight: the ceiling for the worker. */
async function baseline(fake: FakeHandle, count: number, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const post = (p: string, body: object) =>
    new Promise<any>((resolve, reject) => {
      const data = Buffer.from(JSON.stringify(body))
      const req = http.request(fake.baseUrl + p, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())))
      })
      req.on('error', reject)
      req.end(data)
    })
  const { access_token: token } = await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: fake.appid, secret: fake.secret, force_refresh: false })
  await fake.ask({ type: 'grant', prefix: 'base-', from: 1, to: count })
  const data = { thing1: { value: '广州市总工会召开全市工会工作会议' }, date2: { value: '2020-07-13' }, thing3: { value: '〔2020〕第二十期' } }
  const mem = memorySampler()
  const started = performance.now()
  let next = 1
  let ok = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next <= count) {
        const i = next++
        const answer = await post(`/cgi-bin/message/subscribe/send?access_token=${token}`, {
          touser: `base-${i}`,
          template_id: TEMPLATE,
          page: 'pages/issue/index?id=1',
          data,
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        })
        if (answer.errcode === 0) ok++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return { perSecond: ok / seconds, ok, memory: mem.stop() }
}

/** The WeChat client alone (token cache in memory, no DB), same concurrency: what the worker adds to it is the DB. */
async function clientOnly(fake: FakeHandle, count: number, concurrency: number) {
  const wechat = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret })
  await fake.ask({ type: 'grant', prefix: 'client-', from: 1, to: count })
  const data = { thing1: { value: '广州市总工会召开全市工会工作会议' }, date2: { value: '2020-07-13' }, thing3: { value: '〔2020〕第二十期' } }
  const started = performance.now()
  let next = 1
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next <= count) {
        const i = next++
        await wechat.sendSubscribeMessage({ touser: `client-${i}`, templateId: TEMPLATE, page: 'pages/issue/index?id=1', data })
      }
    }),
  )
  return count / ((performance.now() - started) / 1000)
}

async function openDb(kind: string): Promise<{ storage: Storage; place: DatabasePlace; cleanup(): Promise<void> }> {
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
    const schema = `ub_bench_notify_${process.pid}_${Date.now()}`
    const admin = async (q: string) => {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      try {
        await c.query(q)
      } finally {
        await c.end()
      }
    }
    await admin(`create schema ${schema}`)
    const storage = openPostgresStorage({ connectionString: url, schema, maxConnections: 4 })
    await storage.migrate()
    return { storage, place: { connectionString: url, schema }, cleanup: () => admin(`drop schema if exists ${schema} cascade`) }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-bench-notify-'))
  const storage = openSqliteStorage(path.join(dir, 'bulletin.db'))
  await storage.migrate()
  return { storage, place: { sqliteFile: path.join(dir, 'bulletin.db') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
}

async function fanOut(fake: FakeHandle, kind: string, members: number, concurrency: number, run: number) {
  const { storage, place, cleanup } = await openDb(kind)
  // Bulk setup in SQL over a connection of its own: the storage has no "insert 100,000 members".
  const raw = openRawDatabase(place)
  try {
    const prefix = `r${run}-`
    const now = Date.now()
    // Members and their credits, set-based (setup, not measured).
    if (storage.dialect === 'postgres') {
      await sql`insert into members (openid, created_at) select ${prefix} || i, ${now} from generate_series(1, ${members}) as i`.execute(raw)
    } else {
      await sql`with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${members})
        insert into members (openid, created_at) select ${prefix} || i, ${now} from seq`.execute(raw)
    }
    await sql`insert into notify_credits (member_id, template_id, credits, updated_at) select id, ${TEMPLATE}, 1, ${now} from members`.execute(raw)
    await fake.ask({ type: 'grant', prefix, from: 1, to: members })
    const { issue: draft } = await storage.saveDraft({
      masthead: '工会信息',
      year: 2020,
      number: 20,
      label: '〔2020〕第二十期',
      publisher: null,
      permit: null,
      date: '2020-07-13',
      sections: [{ name: '要情动态', items: [{ kind: 'article', title: '广州市总工会召开二〇二〇年度全市工会系统劳动竞赛表彰大会', paragraphs: ['正文'], source: null }] }],
      distribution: { reportTo: null, sendTo: null },
      editor: { name: null, email: null, phone: null },
      warnings: [],
    })
    const config: NotificationConfig = {
      templateId: TEMPLATE,
      fields: parseFieldSpec('thing1=title,date2=date,thing3=label'),
      sendRate: 0,
      concurrency,
      maxAttempts: 5,
      retryBaseMs: 200,
      retryMaxMs: 5000,
      leaseSeconds: 120,
      pollMs: 20,
      workerInServer: true,
      miniprogramState: 'formal',
    }
    const enqueueStarted = performance.now()
    await storage.publishIssue(draft.id, {
      inTransaction: async (trx, issue) => {
        await enqueueNewIssue(trx.notifications, issue, config)
      },
    })
    const enqueueMs = performance.now() - enqueueStarted

    const wechat = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, tokenCache: createDbTokenCache(storage.notifications) })
    const before = (await fake.ask({ type: 'count' })).sent as number
    const heapBefore = retainedHeap()
    const mem = memorySampler()
    const started = performance.now()
    const worker = startNotificationWorker({ notifications: storage.notifications, wechat, config })
    for (;;) {
      await new Promise((r) => setTimeout(r, 100))
      const sent = (await fake.ask({ type: 'count' })).sent - before
      if (sent >= members) break
      if (performance.now() - started > 180_000) break
    }
    await worker.stop()
    const seconds = (performance.now() - started) / 1000
    const memory = mem.stop()
    const heapAfter = retainedHeap()
    const counts = await storage.notifications.deliveryCounts(draft.id)
    return { enqueueMs, perSecond: counts.sent / seconds, seconds, counts, memory, heapBefore, heapAfter }
  } finally {
    await raw.destroy()
    await storage.close()
    await cleanup()
  }
}

async function main() {
  const kinds = arg('db', 'sqlite') === 'both' ? ['sqlite', 'postgres'] : [arg('db', 'sqlite')]
  const sizes = arg('sizes', '10000,50000,100000').split(',').map(Number)
  const concurrency = Number(arg('concurrency', '64'))
  const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 240)
  const deadline = Date.now() + maxSeconds * 1000
  const fake = await startFakeChild()
  try {
    const base = await baseline(fake, 20_000, concurrency)
    console.log(
      `baseline: raw keep-alive HTTP POSTs to the fake, ${concurrency} in flight, no DB: ${base.perSecond.toFixed(0)} msgs/s (peak RSS ${mb(base.memory.peakRss)}, heap ${mb(base.memory.peakHeap)})`,
    )
    const client = await clientOnly(fake, 20_000, concurrency)
    console.log(`          the WeChat client (src/server/wechat/client.ts) alone, no DB: ${client.toFixed(0)} msgs/s`)
    console.log('db        members  enqueue   worker msgs/s  vs baseline  peak RSS  peak heap  retained heap before→after  sent/refused/failed/queued')
    let run = 0
    for (const kind of kinds) {
      for (const members of sizes) {
        if (Date.now() > deadline) {
          console.log(`(stopped: BENCH_MAX_SECONDS=${maxSeconds} reached)`)
          return
        }
        const r = await fanOut(fake, kind, members, concurrency, run++)
        console.log(
          `${kind.padEnd(9)} ${String(members).padStart(7)}  ${(r.enqueueMs / 1000).toFixed(2).padStart(6)} s  ${r.perSecond.toFixed(0).padStart(13)}  ${(r.perSecond / base.perSecond).toFixed(2).padStart(11)}  ${mb(r.memory.peakRss).padStart(8)}  ${mb(r.memory.peakHeap).padStart(9)}  ${(mb(r.heapBefore) + ' → ' + mb(r.heapAfter)).padStart(26)}  ${r.counts.sent}/${r.counts.refused}/${r.counts.failed}/${r.counts.queued + r.counts.sending}`,
        )
      }
    }
    console.log(`target: ≥ 2000 msgs/s with the rate limit off; memory flat as the member count grows`)
  } finally {
    fake.close()
  }
}

if (process.argv.includes('--fake-child')) void runFakeChild()
else
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
