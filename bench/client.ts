/**
 * bench/client (`npm run bench:client`): what the client costs a member on a cheap phone.
 * - weapp main package size (target < 500 KB) and H5 JavaScript size, raw and gzip;
 * - H5 first contentful paint and largest contentful paint of the home and article pages in
 *   Chromium with 4× CPU slowdown and a slow mobile network (CDP), next to a plain static HTML page
 *   of the same article served in the same run (the baseline: what text alone costs).
 * The H5 page shows its text from plain HTML (src/index.html) before the app's script has run;
 * "app rendered" says when the app itself took over, so that cost stays visible.
 * Needs dist/weapp and dist/h5 (npm run build:weapp:test, or build:weapp with TARO_APP_API_BASE and
 * WECHAT_APPID, and npm run build:h5).
 */
import http from 'node:http'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from 'playwright-core'
import type { ArticleDetail, IssueList } from '../src/core/api'
import { freePort, ROOT, startServer } from '../tests/client/support/server'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// A slow mobile connection: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const sizes = (list: string[]) =>
  list.reduce(
    (acc, f) => {
      const bytes = readFileSync(f)
      return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes, { level: 9 }).length }
    },
    { raw: 0, gzip: 0 },
  )

function reportSizes() {
  for (const dir of ['dist/weapp', 'dist/h5']) {
    if (!existsSync(path.join(ROOT, dir))) throw new Error(`${dir} is missing: run npm run build:weapp and npm run build:h5 first`)
  }
  const weapp = sizes(files(path.join(ROOT, 'dist/weapp')))
  console.log(`weapp main package: ${kb(weapp.raw)} raw, ${kb(weapp.gzip)} gzip   (target < 500 KB raw; WeChat's limit 2048 KB)`)
  const h5Js = files(path.join(ROOT, 'dist/h5')).filter((f) => f.endsWith('.js') && !f.endsWith('sw.js'))
  const index = readFileSync(path.join(ROOT, 'dist/h5/index.html'), 'utf8')
  const initial = h5Js.filter((f) => index.includes('/' + path.relative(path.join(ROOT, 'dist/h5'), f)))
  const all = sizes(h5Js)
  const first = sizes(initial)
  console.log(`H5 JavaScript, loaded first: ${kb(first.raw)} raw, ${kb(first.gzip)} gzip (${initial.length} files)`)
  console.log(`H5 JavaScript, all chunks:   ${kb(all.raw)} raw, ${kb(all.gzip)} gzip (${h5Js.length} files)`)
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

/** Cold load (fresh context: no cache, no service worker) under CPU and network throttling. */
async function paintTimes(browser: Browser, url: string, readySelector: string): Promise<{ fcp: number; lcp: number; app: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __app: number }
    w.__lcp = 0
    w.__app = NaN
    // When the app itself (not the HTML preview in index.html) first shows a page with content.
    const watch = new MutationObserver(() => {
      if (document.querySelector('.shell .para, .shell .issue-card')) {
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
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
  await page.locator(readySelector).first().waitFor({ timeout: 120_000 })
  await page.waitForTimeout(1500)
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: (window as unknown as { __lcp: number }).__lcp,
    app: (window as unknown as { __app: number }).__app,
  }))
  await context.close()
  return result
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  reportSizes()
  const server = await startServer({ LOG_LEVEL: 'warn' })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const list = (await (await fetch(server.base + '/api/issues')).json()) as IssueList
    const articleId = list.items[0].contents[0].articles[1].id
    const detail = (await (await fetch(`${server.base}/api/articles/${articleId}`)).json()) as ArticleDetail
    const plain = await startStatic(staticArticleHtml(detail))
    const cases: Array<[string, string, string]> = [
      ['static HTML article (baseline)', plain.url, 'p'],
      ['H5 home', server.base + '/#/pages/index/index', '.issue-card'],
      ['H5 article', `${server.base}/#/pages/article/index?id=${articleId}`, '.para'],
    ]
    console.log(`\nPaint times, median of ${RUNS} cold loads, CPU 4× slower, network ${NETWORK.latency} ms RTT / 1.6 Mbit/s (target: LCP < 2500 ms)`)
    for (const [name, url, selector] of cases) {
      const runs = []
      for (let i = 0; i < RUNS; i++) runs.push(await paintTimes(browser, url, selector))
      const fcp = median(runs.map((r) => r.fcp))
      const lcp = median(runs.map((r) => r.lcp))
      const app = median(runs.map((r) => r.app))
      const appText = Number.isFinite(app) ? `   app rendered ${app.toFixed(0).padStart(6)} ms` : ''
      console.log(
        `${name.padEnd(32)} FCP ${fcp.toFixed(0).padStart(6)} ms   LCP ${lcp.toFixed(0).padStart(6)} ms${name.startsWith('H5') ? (lcp < 2500 ? ' (meets target)' : ' (OVER target)') : ''}${appText}`,
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
