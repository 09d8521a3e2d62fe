/**
 * bench:archive — reads and search on a larger archive: 500 published issues (ten years) and 5,000
 * (a province's twenty), each size in a fresh database with one server process (as `npm run server`
 * runs it) and its bare-http baseline process sending the same bytes.
 * Figures: p99 of reads spread over many issues and articles, of search ranked afresh at 1 and 50
 * connections; each process's memory; the time to rebuild the search index after a publish (the
 * first search after another process published waits for it); and what a publish costs the other
 * requests meanwhile (p99 and slowest of reads in a run with a publish in it, next to a quiet run).
 * Goals: search p99 < 20 ms at 1 connection and < 40 ms at 50, at both sizes, with recall equal to
 * the brute-force scan (every measured query's total and first page).
 * Run: npm run bench:archive   (BENCH_ARCHIVES=500,5000, BENCH_SECONDS=4, BENCH_DB=sqlite,postgres)
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { SearchResults } from '../src/core/api'
import { scannable, scanSearch } from '../src/core/search/scan'
import {
  cannedKey,
  capture,
  compare,
  createDatabase,
  f,
  fill,
  load,
  machine,
  postgresReachable,
  rssMb,
  row,
  startApp,
  startBare,
  verdict,
  type Canned,
  type Database,
  type Load,
  type LoadRequest,
} from './harness'
import { generateArchive, loadSampleIssues } from './api-archive'

const SIZES = (process.env.BENCH_ARCHIVES ?? '500,5000').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const DBS = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',')
const RECHECK_MS = 1000

function distinctQueries(text: string, count: number): string[] {
  const han = text.replace(/[^\u4e00-\u9fff]/gu, '')
  const out = new Set<string>()
  for (let i = 0; out.size < count && i < count * 20; i++) {
    const at = (i * 7919) % Math.max(1, han.length - 4)
    out.add(han.slice(at, at + 2 + (i % 3)))
  }
  return [...out]
}

/**
 * Recall: the server's answers (total, and the first page's items in order) against the brute-force
 * scan over every published document (src/core/search/scan.ts), for the queries measured below.
 */
async function checkRecall(db: Database, searches: LoadRequest[], answers: Map<string, Canned>) {
  const storage = db.open()
  const documents = scannable(await storage.publishedSearchDocuments())
  await storage.close()
  let differ = 0
  for (const { path } of searches) {
    const q = new URL(path, 'http://x').searchParams.get('q')!
    const got = JSON.parse(answers.get(cannedKey('GET', path))!.body.toString('utf8')) as SearchResults
    const want = scanSearch(documents, { q, limit: 20 })
    if (got.total !== want.total || got.items.map((h) => h.itemId).join() !== want.hits.map((h) => h.itemId).join()) differ++
  }
  console.log(
    `recall: ${searches.length} queries against a brute-force scan of ${documents.length} published items: ${differ} differ (goal: none, totals and first pages equal: ${verdict(differ === 0)})`,
  )
}

async function benchSize(db: Database, size: number) {
  const t0 = performance.now()
  const ids = await fill(db, size)
  console.log(`\n${db.name}, ${size} issues (stored and published in ${f((performance.now() - t0) / 1000, 1)} s)`)
  const app = await startApp(db, { PUBLISHED_RECHECK_MS: String(RECHECK_MS) })
  // Reads spread over 100 issues across the archive and one article of each.
  const spread = Array.from({ length: 100 }, (_, i) => ids[Math.floor((i * ids.length) / 100)])
  const reads: LoadRequest[] = [{ path: '/api/issues' }]
  const texts: string[] = []
  for (const id of spread) {
    const text = await (await fetch(`${app.url}/api/issues/${id}`)).text()
    texts.push(text)
    const article = (JSON.parse(text) as { sections: Array<{ items: Array<{ kind: string; id: number }> }> }).sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!
    reads.push({ path: `/api/issues/${id}` }, { path: `/api/articles/${article.id}` })
  }
  const searches = distinctQueries(texts.join(''), 600).map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}&limit=20` }))
  const answers = await capture(app, [...reads, ...searches])
  await checkRecall(db, searches, answers)
  const bare = await startBare(answers)
  const appMemory = rssMb(app.pid)
  try {
    row(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'slowest', 'bare r/s', 'bare p99', 'errors', 'goal'], 40)
    const line = (label: string, got: Load, base: Load, goal = '') =>
      row([label, f(got.rps), f(got.p50, 1), f(got.p99, 1), f(got.max), f(base.rps), f(base.p99, 1), got.errors + got.non2xx, goal], 40)
    for (const [label, requests, connections, goalMs] of [
      [`reads over ${spread.length} issues, 32 conn`, reads, 32, 0],
      [`search ranked afresh, 1 conn`, searches, 1, 20],
      [`search ranked afresh, 50 conn`, searches, 50, 40],
    ] as Array<[string, LoadRequest[], number, number]>) {
      const { got, base } = await compare(app.url, bare.url, requests, SECONDS, connections)
      line(label, got, base, goalMs ? `p99 < ${goalMs} ms: ${verdict(got.p99 < goalMs)}` : '')
    }
    const memory = rssMb(app.pid)

    // A publish by another process: the first search after the server has seen it waits for the new
    // index (idle here, then again under the reads' load below).
    const storage = db.open()
    const fresh = generateArchive(await loadSampleIssues(), size + 2).slice(size)
    const publishOne = async (n: number) => {
      const { issue } = await storage.saveDraft(fresh[n])
      await storage.publishIssue(issue.id)
    }
    const firstSearch = async () => {
      await sleep(RECHECK_MS + 200)
      const s0 = performance.now()
      const res = await fetch(`${app.url}/api/search?q=${encodeURIComponent('工会')}&limit=7`)
      if (!res.ok) throw new Error(`search answered ${res.status}`)
      return performance.now() - s0
    }
    await publishOne(0)
    const rebuildIdle = await firstSearch()

    // What a publish costs the other requests: reads (whose caches the publish empties too), quiet,
    // then with a publish one second in and the search that makes the index rebuild.
    const quiet = await load(app.url, reads, SECONDS + 2, 10)
    const during = load(app.url, reads, SECONDS + 2, 10)
    await sleep(1000)
    await publishOne(1)
    const rebuildBusy = await firstSearch()
    const busy = await during
    await storage.close()
    const base = await load(bare.url, reads, SECONDS + 2, 10)
    line('reads, quiet, 10 conn', quiet, base)
    const kept = busy.p99 <= quiet.p99 * 1.5 + 5
    line('  same, a publish and rebuild in it', busy, base, `p99 kept (≤ 1.5× quiet + 5 ms): ${verdict(kept)}`)
    console.log(
      `index rebuild after a publish (the first search's wait): ${f(rebuildIdle)} ms idle, ${f(rebuildBusy)} ms under the reads' load; ` +
        `memory (RSS): server ${f(appMemory)} MB at start, ${f(memory)} MB after the runs, ${f(rssMb(app.pid))} MB after the publishes; bare ${f(rssMb(bare.pid))} MB`,
    )
  } finally {
    await bare.close()
    await app.close()
  }
}

async function main() {
  console.log(`archive benchmark: ${SIZES.join(' and ')} issues, ${SECONDS} s per run, ${machine()}`)
  for (const kind of DBS) {
    if (kind === 'postgres' && !(await postgresReachable())) {
      console.log('\nPostgreSQL is not reachable (TEST_DATABASE_URL): skipped')
      continue
    }
    for (const size of SIZES) {
      const db = await createDatabase(kind === 'postgres' ? 'postgres' : 'sqlite')
      try {
        await benchSize(db, size)
      } finally {
        await db.drop()
      }
    }
  }
  console.log(`\nafter: ${machine()}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
