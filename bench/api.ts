/**
 * API throughput and latency (autocannon) on a ten-year archive (~500 issues generated from the
 * samples), on SQLite and, when reachable, PostgreSQL. Every figure is printed next to a baseline
 * measured in the same run: a bare Node `http` server sending the very same bytes. The app (as
 * `npm run server` runs it), the baseline and the load generator each run in a process of their own
 * (bench/harness.ts), so no side shares an event loop with autocannon; the two are measured in
 * alternating slices of a second, so the machine's other load falls on both alike.
 * Goals: home list, issue and article reads ≥ 0.8 × the baseline's req/s (the API's, and the H5
 * reader's HTML pages of them when dist/h5 is built); search p99 < 20 ms at one
 * connection and < 40 ms at 50, for queries ranked afresh.
 * Run: npm run bench:api   (BENCH_SECONDS=4, BENCH_ISSUES=500, BENCH_DB=sqlite,postgres, TEST_DATABASE_URL)
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { capture, compare, createDatabase, f, fill, machine, postgresReachable, rssMb, row, startApp, startBare, verdict, type Database, type LoadRequest } from './harness'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ISSUES = Number(process.env.BENCH_ISSUES ?? 500)
const DBS = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',')
const CONNECTIONS = 10
const QUERIES = ['毕节', '就业', '毕节 就业', '粤菜师傅', '劳模', '越秀区总工会', '脱贫攻坚', '职工', '工会', '2020', '花都工匠杯', '消费扶贫']
/** More distinct queries than the answer cache (500) and the index's result cache hold, asked in turn: each is ranked afresh. */
const DISTINCT = 600
const PHONE = { 'accept-encoding': 'gzip, deflate, br' }
/** The server answers the reader's pages with HTML only when the H5 client is built (npm run build:h5). */
const PAGES = existsSync(path.join(__dirname, '../dist/h5/index.html'))

/** Distinct queries cut from the archive's text (2–4 characters). */
function distinctQueries(text: string, count: number): string[] {
  const han = text.replace(/[^\u4e00-\u9fff]/gu, '')
  const out = new Set<string>()
  for (let i = 0; out.size < count && i < count * 20; i++) {
    const at = (i * 7919) % Math.max(1, han.length - 4)
    out.add(han.slice(at, at + 2 + (i % 3)))
  }
  return [...out]
}

interface Scenario {
  label: string
  requests: LoadRequest[]
  connections: number
  goal?: (got: { rps: number; p99: number }, base: { rps: number }) => [boolean, string]
}

const readGoal: Scenario['goal'] = (got, base) => [got.rps / base.rps >= 0.8, '≥ 0.8×']
const p99Goal =
  (ms: number): Scenario['goal'] =>
  (got) => [got.p99 < ms, `p99 < ${ms} ms`]

async function benchDatabase(db: Database) {
  const t0 = performance.now()
  const ids = await fill(db, ISSUES)
  console.log(`\n${db.name}: ${ids.length} issues stored and published in ${f((performance.now() - t0) / 1000, 1)} s`)
  const app = await startApp(db)
  const issueId = ids[Math.floor(ids.length / 2)]
  const issue = (await (await fetch(`${app.url}/api/issues/${issueId}`)).json()) as { sections: Array<{ items: Array<{ kind: string; id: number }> }> }
  const articleId = issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!.id
  const texts = await Promise.all(ids.slice(0, 20).map(async (id) => (await fetch(`${app.url}/api/issues/${id}`)).text()))
  const search = (q: string) => ({ path: `/api/search?q=${encodeURIComponent(q)}&limit=20` })
  const distinct = distinctQueries(texts.join(''), DISTINCT).map(search)
  const scenarios: Scenario[] = [
    { label: 'GET /api/issues (home)', requests: [{ path: '/api/issues' }], connections: 32, goal: readGoal },
    { label: '  same, as a phone asks (br)', requests: [{ path: '/api/issues', headers: PHONE }], connections: 32, goal: readGoal },
    { label: 'GET /api/issues?limit=10', requests: [{ path: '/api/issues?limit=10' }], connections: 32, goal: readGoal },
    { label: `GET /api/issues/${issueId}`, requests: [{ path: `/api/issues/${issueId}` }], connections: 32, goal: readGoal },
    { label: `GET /api/articles/${articleId}`, requests: [{ path: `/api/articles/${articleId}` }], connections: 32, goal: readGoal },
    // The H5 reader's own pages (a link opened from a chat, or a member's phone browser), when dist/h5 is built.
    ...(PAGES
      ? [
          { label: 'H5 page / (home, br)', requests: [{ path: '/', headers: PHONE }], connections: 32, goal: readGoal },
          { label: `H5 page /issues/${issueId} (br)`, requests: [{ path: `/issues/${issueId}`, headers: PHONE }], connections: 32, goal: readGoal },
          { label: `H5 page /articles/${articleId} (br)`, requests: [{ path: `/articles/${articleId}`, headers: PHONE }], connections: 32, goal: readGoal },
        ]
      : []),
    { label: `search, ${QUERIES.length} popular queries (cached)`, requests: QUERIES.map(search), connections: CONNECTIONS, goal: readGoal },
    { label: `search, ${distinct.length} distinct (ranked afresh), 1 conn`, requests: distinct, connections: 1, goal: p99Goal(20) },
    { label: `  same, ${CONNECTIONS} connections`, requests: distinct, connections: CONNECTIONS },
    { label: `  same, 50 connections`, requests: distinct, connections: 50, goal: p99Goal(40) },
  ]
  const answers = await capture(
    app,
    scenarios.flatMap((s) => s.requests),
  )
  for (const s of scenarios) {
    const sample = answers.get(`GET ${s.requests[0].path} ${s.requests[0].headers?.['accept-encoding'] ?? ''}`)!
    if (s.requests.length === 1) s.label += ` (${f(sample.body.length / 1024, 1)} KB)`
  }
  const bare = await startBare(answers)
  try {
    row(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'bare r/s', 'bare p99', 'ratio', 'errors', 'goal'])
    for (const s of scenarios) {
      const { got, base } = await compare(app.url, bare.url, s.requests, SECONDS, s.connections)
      const goal = s.goal?.(got, base)
      row([
        s.label,
        f(got.rps),
        f(got.p50, 1),
        f(got.p99, 1),
        f(base.rps),
        f(base.p99, 1),
        f(got.rps / base.rps, 2),
        got.errors + got.non2xx,
        goal ? `${goal[1]}: ${verdict(goal[0])}` : '',
      ])
    }
    console.log(`memory: server process ${f(rssMb(app.pid))} MB, bare process ${f(rssMb(bare.pid))} MB (RSS)`)
  } finally {
    await bare.close()
    await app.close()
  }
}

async function main() {
  console.log(`API benchmark: ${ISSUES} issues, ${SECONDS} s per run, ${machine()}`)
  console.log(
    `goals: home list, issue, article ≥ 0.8 × bare http req/s (API${PAGES ? ' and H5 pages' : '; H5 pages not measured: npm run build:h5 first'}); search ranked afresh p99 < 20 ms at 1 connection, < 40 ms at 50`,
  )
  for (const kind of DBS) {
    if (kind === 'postgres' && !(await postgresReachable())) {
      console.log('\nPostgreSQL is not reachable (TEST_DATABASE_URL): skipped')
      continue
    }
    const db = await createDatabase(kind === 'postgres' ? 'postgres' : 'sqlite')
    try {
      await benchDatabase(db)
    } finally {
      await db.drop()
    }
  }
  console.log(`\nafter: ${machine()}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
