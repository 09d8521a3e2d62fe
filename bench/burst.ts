/**
 * bench:burst — the read burst after a new issue. An archive is stored, the server processes start,
 * then a new issue is published by another process (this one, through storage, as `npm run import --
 * --publish` would), and members open the app at an even rate over one minute: each signs in
 * (POST /api/auth/device) and, signed in, reads the home list, the new issue, one or two of its
 * articles and the issue's share card, one request after another, as a phone asks (br/gzip).
 * Against two server processes sharing PostgreSQL (members alternate between them) and one on
 * SQLite. The baseline, in the same run: the same members on the same schedule against bare
 * node:http processes (as many) sending the bytes the app sent.
 * Figures: throughput, p50/p99 over all requests, errors, each server process's memory (RSS) before,
 * at its peak and after. Goals: 0 errors, p99 < 100 ms, memory flat.
 * Run: npm run bench:burst   (BENCH_MEMBERS=10000, BENCH_BURST_SECONDS=60, BENCH_ISSUES=500, BENCH_DB=postgres,sqlite)
 */
import http from 'node:http'
import { createDatabase, f, fill, capture, machine, postgresReachable, rssMb, startApp, startBare, verdict, type Database, type LoadRequest, type Proc } from './harness'
import { generateArchive, loadSampleIssues } from './api-archive'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10000)
const SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 60)
const ISSUES = Number(process.env.BENCH_ISSUES ?? 500)
const DBS = (process.env.BENCH_DB ?? 'postgres,sqlite').split(',')
const PHONE = { 'accept-encoding': 'gzip, deflate, br' }

interface Step extends LoadRequest {
  body?: string
}

/** What member `i` asks, in order; the sign-in's token goes into the reads' Authorization. */
function visit(i: number, issueId: number, articles: number[]): Step[] {
  const deviceId = `bench-device-${String(i).padStart(8, '0')}`
  const reads = ['/api/issues', `/api/issues/${issueId}`, `/api/articles/${articles[i % articles.length]}`]
  if (i % 2 === 0) reads.push(`/api/articles/${articles[(i + 1) % articles.length]}`)
  reads.push(`/api/cards/issues/${issueId}.png`)
  return [
    { method: 'POST', path: '/api/auth/device', headers: { 'content-type': 'application/json', ...PHONE }, body: JSON.stringify({ deviceId }) },
    ...reads.map((path) => ({ path, headers: { ...PHONE } })),
  ]
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

function send(base: string, step: Step): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.request(base + step.path, { method: step.method ?? 'GET', headers: step.headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: step.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : '' }))
      res.on('error', () => resolve({ status: 0, body: '' }))
    })
    req.on('error', () => resolve({ status: 0, body: '' }))
    req.end(step.body)
  })
}

interface BurstResult {
  requests: number
  seconds: number
  p50: number
  p99: number
  errors: number
  memory: Array<{ before: number; mid: number; peak: number; after: number }>
  /** p99 and slowest of each kind of request (sign-in, home, issue, article, card). */
  byKind: Map<string, [number, number]>
}

const kindOf = (step: Step) => (step.method === 'POST' ? 'sign-in' : step.path === '/api/issues' ? 'home' : /^\/api\/(\w+)\//.exec(step.path)![1])

/** Members arrive evenly over SECONDS; each does its visit, request after request. */
async function burst(servers: Proc[], issueId: number, articles: number[]): Promise<BurstResult> {
  const latencies: number[] = []
  const byKind = new Map<string, number[]>()
  let errors = 0
  const memory = servers.map((s) => ({ before: rssMb(s.pid), mid: 0, peak: 0, after: 0 }))
  const midway = setTimeout(() => servers.forEach((s, i) => (memory[i].mid = rssMb(s.pid))), (SECONDS * 1000) / 2)
  const sampler = setInterval(() => servers.forEach((s, i) => (memory[i].peak = Math.max(memory[i].peak, rssMb(s.pid)))), 250)
  const start = performance.now()
  const member = async (i: number) => {
    const base = servers[i % servers.length].url
    let token = ''
    for (const step of visit(i, issueId, articles)) {
      if (token) step.headers = { ...step.headers, authorization: `Bearer ${token}` }
      const t0 = performance.now()
      const res = await send(base, step)
      const ms = performance.now() - t0
      latencies.push(ms)
      const kind = kindOf(step)
      if (!byKind.has(kind)) byKind.set(kind, [])
      byKind.get(kind)!.push(ms)
      if (res.status === 0 || res.status >= 400) errors++
      if (step.method === 'POST') token = (JSON.parse(res.body || '{}') as { token?: string }).token ?? ''
    }
  }
  const visits: Array<Promise<void>> = []
  for (let i = 0; i < MEMBERS; i++) {
    const due = start + (i * SECONDS * 1000) / MEMBERS
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    visits.push(member(i))
  }
  await Promise.all(visits)
  const seconds = (performance.now() - start) / 1000
  clearInterval(sampler)
  clearTimeout(midway)
  servers.forEach((s, i) => {
    memory[i].after = rssMb(s.pid)
    memory[i].peak = Math.max(memory[i].peak, memory[i].after)
  })
  const q = (list: number[], p: number) => list.sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))] ?? NaN
  const p99s = new Map([...byKind].map(([kind, list]) => [kind, [q(list, 0.99), list[list.length - 1]] as [number, number]]))
  return { requests: latencies.length, seconds, p50: q(latencies, 0.5), p99: q(latencies, 0.99), errors, memory, byKind: p99s }
}

async function benchDatabase(db: Database, processes: number) {
  const ids = await fill(db, ISSUES)
  const apps: Proc[] = []
  for (let i = 0; i < processes; i++) apps.push(await startApp(db))
  // The new issue, published by another process while the servers run.
  const storage = db.open()
  const fresh = generateArchive(await loadSampleIssues(), ISSUES + 1)[ISSUES]
  const { issue: draft } = await storage.saveDraft(fresh)
  const issue = (await storage.publishIssue(draft.id))!.issue
  await storage.close()
  const articles = issue.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'article' ? [i.id] : []))).slice(0, 6)
  const label = `${db.name}, ${processes} server process${processes > 1 ? 'es' : ''}`
  console.log(`\n${label}: ${ids.length} issues, then issue ${issue.id} published; ${MEMBERS} members over ${SECONDS} s`)
  let bare: Proc[] = []
  try {
    const got = await burst(apps, issue.id, articles)
    // The bytes each request got, for the baseline (the sign-in answered with one member's token).
    const answers = await capture(apps[0], visit(0, issue.id, articles))
    for (let i = 1; i < Math.min(MEMBERS, articles.length * 2); i++) await capture(apps[0], visit(i, issue.id, articles).slice(1), answers)
    for (let i = 0; i < processes; i++) bare.push(await startBare(answers))
    const base = await burst(bare, issue.id, articles)
    const rps = (r: BurstResult) => r.requests / r.seconds
    console.log(
      `  ${''.padEnd(10)}${'req/s'.padEnd(10)}${'p50 ms'.padEnd(10)}${'p99 ms'.padEnd(10)}${'errors'.padEnd(10)}memory MB (before → midway → peak → after), per process; p99/slowest ms by request`,
    )
    for (const [name, r] of [
      ['server', got],
      ['bare http', base],
    ] as const) {
      const mem = r.memory.map((m) => `${f(m.before)} → ${f(m.mid)} → ${f(m.peak)} → ${f(m.after)}`).join('; ')
      const kinds = [...r.byKind].map(([kind, [p99, max]]) => `${kind} ${f(p99, 1)}/${f(max)}`).join(', ')
      console.log(`  ${name.padEnd(10)}${f(rps(r)).padEnd(10)}${f(r.p50, 1).padEnd(10)}${f(r.p99, 1).padEnd(10)}${String(r.errors).padEnd(10)}${mem}; ${kinds}`)
    }
    // Flat: no growth over the burst's second half (the first fills the caches and loads the card font).
    const growth = Math.max(...got.memory.map((m) => m.after - m.mid))
    console.log(
      `  goals: 0 errors: ${verdict(got.errors === 0)}; p99 < 100 ms: ${verdict(got.p99 < 100)} (${f(got.p99, 1)} ms, bare ${f(base.p99, 1)} ms); ` +
        `memory flat (≤ 20 MB growth over the second half): ${verdict(growth <= 20)} (${growth >= 0 ? '+' : ''}${f(growth)} MB); throughput ${f(rps(got) / rps(base), 2)}× bare (the arrival rate sets both)`,
    )
  } finally {
    for (const p of [...bare, ...apps]) await p.close()
    bare = []
  }
}

async function main() {
  console.log(`burst benchmark: ${MEMBERS} members in ${SECONDS} s after a publish, archive of ${ISSUES} issues, ${machine()}`)
  for (const kind of DBS) {
    if (kind === 'postgres' && !(await postgresReachable())) {
      console.log('\nPostgreSQL is not reachable (TEST_DATABASE_URL): skipped')
      continue
    }
    const db = await createDatabase(kind === 'postgres' ? 'postgres' : 'sqlite')
    try {
      await benchDatabase(db, kind === 'postgres' ? 2 : 1)
    } finally {
      await db.drop()
    }
  }
  agent.destroy()
  console.log(`\nafter: ${machine()}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
