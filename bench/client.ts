/**
 * bench/client (`npm run bench:client`): what the client costs a member on a cheap phone, next to a
 * plain static HTML page of the same article served in the same run (the baseline: what text alone
 * costs). Goals (issue 13): the first view's script at most 150 KB compressed; the first tap answered
 * within 2× the static page's load time; a second visit answering within 1 s. Missed goals say so.
 * - weapp main package size (target < 500 KB) when dist/weapp is built;
 * - the H5 first view's script as the server sends it: raw, gzip and brotli (the bytes on the wire),
 *   and what a phone accepting both receives (the goal's figure);
 * - cold loads in Chromium with 4× CPU slowdown and a slow mobile network (CDP): first contentful
 *   paint, largest contentful paint, when the app itself took over, and the first tap answered: a
 *   finger taps the first link as soon as it is on screen (a member who reads the server's HTML may
 *   tap before the app has run: the page then answers it itself) and the clock stops when the page it
 *   opens shows its content. Both are seen by the page itself and timed from navigation start, as
 *   the static page's load event is, so the test driver's own scripts cost nothing;
 * - the second visit: the same phone (a browser profile on disk: HTTP cache, service worker and
 *   compiled scripts kept, as a phone's browser keeps them) opening the page again.
 * Needs dist/h5 (npm run build:h5); dist/weapp optional (npm run build:weapp:test).
 */
import http from 'node:http'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core'
import type { ArticleDetail, IssueList } from '../src/core/api'
import { freePort, ROOT, startServer } from '../tests/client/support/server'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// A slow mobile connection: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }
const SCRIPT_GOAL = 150 * 1024
/** The Accept-Encoding of Chrome and WeChat's WebView on a phone. */
const PHONE_ACCEPTS = 'gzip, deflate, br'
const SECOND_VISIT_GOAL = 1000

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a').padStart(8)
const verdict = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED')

function reportWeapp() {
  const dir = path.join(ROOT, 'dist/weapp')
  if (!existsSync(dir)) return console.log('weapp main package: not built (npm run build:weapp:test)')
  const raw = files(dir).reduce((n, f) => n + readFileSync(f).length, 0)
  console.log(`weapp main package: ${kb(raw)} raw   (target < 500 KB; WeChat's limit 2048 KB)`)
}

/** One file's body as the server sends it for `encoding` (no decoding: the bytes on the wire). */
function wireBytes(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        let n = 0
        res.on('data', (chunk: Buffer) => (n += chunk.length))
        res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${url}: HTTP ${res.statusCode}`))))
      })
      .on('error', reject)
  })
}

/**
 * The first view's script: every script a cold load of `url` asks for before the app shows its page
 * (the page's <script> tags and the lazily loaded chunks of its route), as the server sends each.
 */
async function firstViewScript(browser: Browser, url: string, appShown: string) {
  const context = await phone(browser, 'block')
  const page = await context.newPage()
  // The page's own clock: when the app's page first showed, and when each script was asked for (what
  // a page loads once it shows, such as the issue reader's swipe library, is not its first view).
  await page.addInitScript({
    content: `new MutationObserver((_, watch) => {
      if (!document.querySelector(${JSON.stringify(appShown)})) return
      window.__appShownAt = performance.now()
      watch.disconnect()
    }).observe(document, { childList: true, subtree: true })`,
  })
  await page.goto(url)
  await page.locator(appShown).locator('visible=true').first().waitFor({ timeout: 60_000 })
  const list = await page.evaluate(() => {
    const shownAt = (window as unknown as { __appShownAt: number }).__appShownAt
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.initiatorType === 'script' && r.startTime <= shownAt).map((r) => r.name)
  })
  await context.close()
  const sum = async (encoding: string) => (await Promise.all(list.map((s) => wireBytes(s, encoding)))).reduce((a, b) => a + b, 0)
  // What a phone's browser asks for: it takes whichever of these the server sends.
  return { files: list.length, raw: await sum('identity'), gzip: await sum('gzip'), br: await sum('br'), phone: await sum(PHONE_ACCEPTS) }
}

function staticArticleHtml(detail: ArticleDetail): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(detail.article.title)}</title><style>body{margin:0;padding:16px;font-size:18px;line-height:1.8;background:#fafafa;color:#1a1a1a}
h1{font-size:22px;line-height:1.5}p{text-indent:2em}</style></head><body><h1>${esc(detail.article.title)}</h1>
${detail.article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</body></html>`
}

async function startStatic(html: string) {
  const port = await freePort()
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

interface Visit {
  /** Navigation start to the load event (wall clock, as for the static page). */
  load: number
  fcp: number
  lcp: number
  /** When the app itself (not the server's HTML) first showed content. */
  app: number
}

interface Case {
  name: string
  url: string
  /** The app's own page showing content. */
  appShown: string
  /** What the member taps first (in the server's page; the app's is laid out the same), and what shows once the tap is answered. */
  tap: { target: string; answered: string }
}

async function throttled(context: BrowserContext) {
  const page = await context.newPage()
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __app: number }
    w.__lcp = 0
    w.__app = NaN
    const watch = new MutationObserver(() => {
      if (document.querySelector('.shell .para, .shell .issue-card, .shell .toc-item')) {
        w.__app = performance.now()
        watch.disconnect()
      }
    })
    document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }))
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', NETWORK)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  // The browser's own word that the page is on screen (no script of the page's needed to know it).
  await cdp.send('Page.enable')
  await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true })
  const painted = new Promise<void>((resolve) =>
    cdp.on('Page.lifecycleEvent', (event) => {
      if (event.name === 'firstContentfulPaint') resolve()
    }),
  )
  return Object.assign(page, { painted, cdp })
}

const readPaints = (page: Page) =>
  page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: (window as unknown as { __lcp: number }).__lcp,
    app: (window as unknown as { __app: number }).__app,
  }))

/** A load left alone: navigation start to the load event, paints, and when the app took over (page clock). */
async function paintVisit(context: BrowserContext, url: string, appShown: string | null): Promise<Visit> {
  const page = await throttled(context)
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
  const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd)
  if (appShown) await page.locator(appShown).locator('visible=true').first().waitFor({ timeout: 120_000 })
  // LCP is final once nothing larger paints; the app's page replacing the HTML may be that larger paint.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0)
  const paints = await readPaints(page)
  await page.close()
  return { load, ...paints }
}

/**
 * In the page, from its first byte (and again in any page a tap opens): reports, once, when the
 * opened page's content shows (epoch ms) with the first page's navigation start, through a binding
 * (nothing polls the page). Plain JavaScript in a string: the page runs it as written, with none of
 * this file's compiled helpers.
 */
const watchTap = (answered: string) => `(() => {
  // The first page's navigation start, kept across a page the tap may open (same tab).
  if (!sessionStorage.getItem('bench-first')) sessionStorage.setItem('bench-first', String(performance.timeOrigin))
  const first = Number(sessionStorage.getItem('bench-first'))
  let told = false
  const look = () => {
    if (told || !document.querySelector(${JSON.stringify(answered)})) return
    told = true
    window.benchAnswered(performance.timeOrigin + performance.now(), first)
  }
  new MutationObserver(() => requestAnimationFrame(look)).observe(document, { childList: true, subtree: true })
})()`

/**
 * A finger taps the first link as soon as it is on screen: at `point` (where the link is, the same in
 * the server's page and the app's), the moment the browser has painted the page, whatever the
 * page's main thread is doing then; the clock stops when the page it opened shows. `taps`: how many
 * it took (more than one: the first went unanswered for 5 s).
 */
async function tapVisit(context: BrowserContext, url: string, tap: NonNullable<Case['tap']>, point: { x: number; y: number }): Promise<{ answeredAt: number; taps: number }> {
  const page = await throttled(context)
  let answer: (at: number) => void = () => {}
  const answered = new Promise<number>((resolve) => (answer = resolve))
  await page.exposeBinding('benchAnswered', (_source, at: number, first: number) => answer(at - first))
  await page.addInitScript({ content: watchTap(tap.answered) })
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  await page.painted
  let taps = 0
  let answeredAt: number | undefined
  // Tap again only if nothing answered for 5 s (the page changed under the finger).
  while (answeredAt === undefined && taps < 6) {
    await fingerTap(page.cdp, point)
    taps++
    answeredAt = await Promise.race([answered, new Promise<undefined>((resolve) => setTimeout(resolve, 5_000))])
  }
  await page.close()
  if (answeredAt === undefined) throw new Error(`${url}: the tap was never answered (${tap.answered})`)
  // From navigation start of the page first opened, as the static page's load is timed.
  return { answeredAt, taps }
}

/**
 * A finger's tap: down and up, sent together, whatever the page's main thread is doing. (Playwright's
 * tap sends the finger up only once the page has handled it going down: a page busy starting up
 * would then see the lift a task late, which no finger does. The clock is the page's, so the
 * moment a finger rests on the glass is not counted either way.)
 */
async function fingerTap(cdp: CDPSession, at: { x: number; y: number }): Promise<void> {
  const down = cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y, id: 1 }] })
  const up = cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await Promise.all([down, up])
}

/** Where the case's link is on the screen (the server's page, app held back; the app's is laid out the same). */
async function tapPoint(browser: Browser, url: string, target: string): Promise<{ x: number; y: number }> {
  const context = await phone(browser, 'block')
  const page = await context.newPage()
  await page.route(/\/(js|chunk)\//, (route) => route.abort())
  await page.goto(url, { waitUntil: 'commit' })
  const box = await page.locator(target).first().boundingBox({ timeout: 30_000 })
  await context.close()
  if (!box) throw new Error(`${url}: ${target} is not on screen`)
  return { x: box.x + Math.min(24, box.width / 2), y: box.y + box.height / 2 }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const medianOf = (runs: Visit[]) => ({
  load: median(runs.map((r) => r.load)),
  fcp: median(runs.map((r) => r.fcp)),
  lcp: median(runs.map((r) => r.lcp)),
  app: median(runs.map((r) => r.app)),
})
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' }
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const phone = (browser: Browser, serviceWorkers: 'allow' | 'block') => browser.newContext({ ...PHONE, serviceWorkers })

/**
 * A member's own phone: a browser profile kept on disk, as a phone's browser keeps one, with its
 * HTTP cache, service worker and the compiled scripts V8 keeps beside them. (A context of
 * `browser.newContext()` is off the record: it keeps no compiled scripts, so every visit there
 * would parse and compile the app afresh, as no phone does on a second visit.)
 */
async function memberPhone(): Promise<BrowserContext & { dispose(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ub-phone-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS, ...PHONE, serviceWorkers: 'allow' })
  return Object.assign(context, {
    async dispose() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  })
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/h5/index.html'))) throw new Error('dist/h5 is missing: run npm run build:h5 first')
  reportWeapp()
  const server = await startServer({ LOG_LEVEL: 'warn' })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: BROWSER_ARGS,
  })
  try {
    const list = (await (await fetch(server.base + '/api/issues')).json()) as IssueList
    const issueId = list.items[0].id
    const articleId = list.items[0].contents[0].articles[1].id
    const detail = (await (await fetch(`${server.base}/api/articles/${articleId}`)).json()) as ArticleDetail
    const plain = await startStatic(staticArticleHtml(detail))
    // The tapped page shows its content: the server's HTML of it, or the app's page.
    const cases: Case[] = [
      {
        name: 'H5 home',
        url: server.base + '/',
        appShown: '.shell .issue-card',
        tap: { target: `#boot-body a[href="/issues/${issueId}"]`, answered: '#boot-body[data-prerendered="issue"] h1, .shell .toc-item' },
      },
      {
        // A link the page holds no template for: the browser (or the app, once it runs) opens it.
        name: 'H5 issue → article',
        url: `${server.base}/issues/${issueId}`,
        appShown: '.shell .toc-item',
        tap: { target: `#boot-body a[href="/articles/${articleId}"]`, answered: '#boot-body[data-prerendered="article"] h1, .shell .para' },
      },
      {
        name: 'H5 article',
        url: `${server.base}/articles/${articleId}`,
        appShown: '.shell .para',
        // 首页, in the top bar.
        tap: { target: '#boot-body .top-bar a[href="/"]', answered: '#boot-body[data-prerendered="home"] h2, .shell .issue-card' },
      },
    ]
    for (const c of cases) {
      const script = await firstViewScript(browser, c.url, c.appShown)
      console.log(
        `${c.name}: first view's script (${script.files} files, as the server sends them) ${kb(script.raw)} raw, ${kb(script.gzip)} gzip, ${kb(script.br)} br;` +
          ` to a phone (${PHONE_ACCEPTS}) ${kb(script.phone)}   (goal ≤ ${kb(SCRIPT_GOAL)} compressed: ${verdict(script.phone <= SCRIPT_GOAL)})`,
      )
    }
    console.log(`\nMedian of ${RUNS} runs, CPU 4× slower, network ${NETWORK.latency} ms RTT / 1.6 Mbit/s, 390×844 touch`)
    const staticRuns: Visit[] = []
    for (let i = 0; i < RUNS; i++) {
      const context = await phone(browser, 'block')
      staticRuns.push(await paintVisit(context, plain.url, null))
      await context.close()
    }
    const baseline = medianOf(staticRuns)
    const tapGoal = 2 * baseline.load
    console.log(`${'static HTML article (baseline)'.padEnd(28)} load ${ms(baseline.load)}   FCP ${ms(baseline.fcp)}   LCP ${ms(baseline.lcp)}`)
    for (const c of cases) {
      const point = await tapPoint(browser, c.url, c.tap.target)
      const cold: Visit[] = []
      const coldTaps: Array<{ answeredAt: number; taps: number }> = []
      const secondTaps: Array<{ answeredAt: number; taps: number }> = []
      const second: Visit[] = []
      for (let i = 0; i < RUNS; i++) {
        // Cold: a fresh phone (no cache, no service worker) each time.
        const fresh = await phone(browser, 'block')
        cold.push(await paintVisit(fresh, c.url, c.appShown))
        await fresh.close()
        const member = await memberPhone()
        coldTaps.push(await tapVisit(member, c.url, c.tap, point))
        // The member comes back later: the app has run once, its service worker keeps its files.
        const page = await member.newPage()
        await page.goto(c.url)
        await page.locator(c.appShown).locator('visible=true').first().waitFor({ timeout: 60_000 })
        await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 60_000 })
        await page.close()
        second.push(await paintVisit(member, c.url, c.appShown))
        secondTaps.push(await tapVisit(member, c.url, c.tap, point))
        await member.dispose()
      }
      const m = medianOf(cold)
      const s = medianOf(second)
      const tapCold = median(coldTaps.map((t) => t.answeredAt))
      const tapSecond = median(secondTaps.map((t) => t.answeredAt))
      // A run that needed a second tap waited 5 s on the first: say so beside the median.
      const retapped = (taps: Array<{ taps: number }>) => {
        const n = taps.filter((t) => t.taps > 1).length
        return n ? `; ${n} of ${taps.length} runs needed another tap` : ''
      }
      const row = (name: string, v: { load: number; fcp: number; lcp: number; app: number }) =>
        `${name.padEnd(28)} load ${ms(v.load)}   FCP ${ms(v.fcp)}   LCP ${ms(v.lcp)}   app took over ${ms(v.app)}`
      console.log(
        `${row(c.name + ', cold', m)}   first tap answered ${ms(tapCold)}  (goal ≤ 2× static load = ${ms(tapGoal).trim()}: ${verdict(tapCold <= tapGoal)}${retapped(coldTaps)})`,
      )
      console.log(
        `${row(c.name + ', second visit', s)}   first tap answered ${ms(tapSecond)}  (goal ≤ ${SECOND_VISIT_GOAL} ms: ${verdict(tapSecond <= SECOND_VISIT_GOAL)}${retapped(secondTaps)})`,
      )
    }
    await plain.close()
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
