/**
 * A page's address read before (and without) the app's script: the server's HTML holds the text;
 * the app takes over without asking the API again, and without flickering to 正在加载… and back.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'
import { seriousViolations } from './a11y'

/** Requests matching `pattern` held back, as on a slow network, until `release()`. */
async function holdBack(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(pattern, async (route) => {
    await released
    await route.continue()
  })
  return release
}

/** The paths of the documents the page loads from now on (a reload or a plain link shows here). */
function documentsLoaded(page: Page): string[] {
  const documents: string[] = []
  page.on('request', (r) => {
    if (r.isNavigationRequest()) documents.push(new URL(r.url()).pathname)
  })
  return documents
}

const TITLE = '增城区总工会网络直播心系职工传递关怀'

describeBrowser('H5 pages before the app', () => {
  let server: RunningServer
  let browser: Browser
  beforeAll(async () => {
    ;({ browser } = await launchPhone())
    server = await startServer()
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const VIEWPORTS = [
    [390, 844],
    [320, 568],
  ]

  for (const [width, height] of VIEWPORTS) {
    it(`reads an article with scripts off at ${width}×${height}: its title, preview tags and text, with a way to its issue`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false, locale: 'zh-CN' })
      const page = await context.newPage()
      await page.goto(server.base + '/articles/5')
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
      expect(await page.locator('article').innerText()).toContain('网络直播')
      expect(await page.title()).toBe(TITLE)
      // What a link preview reads, in the page as served.
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(TITLE)
      expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/api\/cards\/articles\/5\.png$/)
      expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(/\/articles\/5$/)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      await screenshot(page, `60-article-no-script-${width}`)
      await page.getByRole('link', { name: '〔2020〕第二十期' }).click()
      await page.getByRole('link', { name: TITLE }).waitFor()
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      await screenshot(page, `63-issue-no-script-${width}`)
      await context.close()
    }, 30_000)
  }

  for (const [width, height] of VIEWPORTS) {
    it(`reads home with scripts off at ${width}×${height}: the newest issues, each a link`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false, locale: 'zh-CN' })
      const page = await context.newPage()
      await page.goto(server.base + '/')
      expect(await page.title()).toBe('工会信息')
      await page.getByRole('heading', { level: 1, name: '工会信息' }).waitFor()
      // The seeded issue: its label a heading and a link, its date, its first titles.
      await page.getByRole('heading', { level: 2, name: '〔2020〕第二十期' }).waitFor()
      expect(await page.locator('#boot-body').innerText()).toContain('2020年7月13日 星期一')
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      await screenshot(page, `61-home-no-script-${width}`)
      await page.getByRole('link', { name: '〔2020〕第二十期' }).click()
      await page.getByRole('link', { name: TITLE }).waitFor()
      await page.getByRole('link', { name: TITLE }).click()
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
      await context.close()
    }, 30_000)
  }

  /**
   * What a finger may tap while the app replaces the server's HTML: each control and text block where
   * the app puts it (within a pixel), so a tap lands on the same thing in either. (A home card used
   * to slide 53 px down under the app's row of buttons: a tap on the issue opened 搜索.)
   */
  const LANDMARKS: Record<string, string[]> = {
    '/': ['.masthead', '.nav-row .btn', '.issue-card', '.issue-card .h2', '.issue-card .new-mark', '.contents-line'],
    '/articles/5': ['.top-bar-btn', '.listen-start', '.article > .muted', '.title', '.para'],
    '/issues/1': ['.top-bar-btn', '.top-bar-title', '.tab', '.listen-start', '.save-bar', '.masthead', '.toc-item'],
  }
  const stored = (state: object) => JSON.stringify({ data: JSON.stringify({ state, version: 0 }) })
  const CARE_LARGEST = stored({ textStep: 4, night: true, care: true })
  // 长辈版 with the text size never chosen (null, as the store starts).
  const CARE_DEFAULT = stored({ textStep: null, night: false, care: true })
  for (const [path, width, height, settings] of Object.keys(LANDMARKS).flatMap(
    (p) =>
      [
        [p, 390, 844, null],
        [p, 320, 568, null],
        [p, 390, 844, CARE_DEFAULT],
        [p, 320, 568, CARE_LARGEST],
      ] as const,
  )) {
    const how = settings === CARE_LARGEST ? ', 长辈版, largest text, night' : settings === CARE_DEFAULT ? ', 长辈版' : ''
    it(`takes over ${path} with nothing moving under the finger (${width}×${height}${how})`, async () => {
      const boxes = async (appRuns: boolean) => {
        const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' })
        const page = await context.newPage()
        if (settings) await page.addInitScript((value) => localStorage.setItem('settings', value), settings)
        // The server's page as a member sees it before the app's script has arrived.
        if (!appRuns) await page.route(/\/js\//, (route) => route.abort())
        await page.goto(server.base + path)
        if (appRuns) await page.waitForFunction(() => !document.getElementById('boot-shell') && document.querySelector('#app .shell:not(:has(.skeleton))'))
        else await page.locator('#boot-body[data-prerendered]').waitFor()
        await screenshot(
          page,
          `64-takeover-${appRuns ? 'app' : 'html'}-${path === '/' ? 'home' : path.split('/')[1]}-${width}${settings === CARE_LARGEST ? '-care-largest' : settings ? '-care' : ''}`,
        )
        const found = await page.evaluate(
          ({ root, marks }) =>
            marks.flatMap((mark) =>
              Array.from(document.querySelectorAll(`${root} ${mark}`))
                .map((el) => el.getBoundingClientRect())
                // What is on the first screen (the app's other reader pages lie to its right).
                .filter((r) => r.width > 0 && r.left < innerWidth && r.top < innerHeight)
                .map((r) => ({ mark, x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) })),
            ),
          { root: appRuns ? '#app' : '#boot-body', marks: LANDMARKS[path] },
        )
        await context.close()
        return found
      }
      const html = await boxes(false)
      const app = await boxes(true)
      // The same landmarks on the first screen in both, and all of them but one at most (one missing
      // from both would compare equal; in 长辈版 at 320 px the contents start below the screen).
      const onScreen = (found: typeof html) => [...new Set(found.map((h) => h.mark))].sort()
      expect(onScreen(html)).toEqual(onScreen(app))
      expect(onScreen(html).length).toBeGreaterThanOrEqual(LANDMARKS[path].length - 1)
      const near = (a: number, b: number) => Math.abs(a - b) <= 1
      const moved = html.filter((h, i) => {
        const a = app[i]
        return !a || a.mark !== h.mark || !near(a.x, h.x) || !near(a.y, h.y) || !near(a.width, h.width) || !near(a.height, h.height)
      })
      expect({ moved, count: app.length }).toEqual({ moved: [], count: html.length })
    }, 60_000)
  }

  for (const [width, height] of VIEWPORTS) {
    it(`answers a tap before the app has run with the next page at once, at its own address; back and the app work from there (${width}×${height})`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' })
      const page = await context.newPage()
      // The app's scripts held back, as on a slow network.
      const release = await holdBack(page, /\/js\//)
      const documents = documentsLoaded(page)
      // (Deferred scripts hold back DOMContentLoaded and load: the page is there well before.)
      await page.goto(server.base + '/', { waitUntil: 'commit' })
      const card = page.locator('#boot-body a.issue-card').first()
      await card.waitFor()
      const box = (await card.boundingBox())!
      await page.touchscreen.tap(box.x + 24, box.y + box.height / 2)
      // The first screen, from the page itself: no request for it.
      await page.locator('#boot-body[data-prerendered="issue"] h1', { hasText: '〔2020〕第二十期' }).waitFor()
      expect(new URL(page.url()).pathname).toBe('/issues/1')
      expect(await page.title()).toBe('工会信息〔2020〕第二十期')
      expect(documents).toEqual(['/'])
      await screenshot(page, `65-tapped-before-app-issue-${width}`)
      // Back, still before the app: home again, from the page.
      await page.goBack({ waitUntil: 'commit' })
      await page.locator('#boot-body[data-prerendered="home"] a.issue-card').first().waitFor()
      expect(new URL(page.url()).pathname).toBe('/')
      await page.goForward({ waitUntil: 'commit' })
      await page.locator('#boot-body[data-prerendered="issue"] h1').waitFor()
      // The app arrives and takes over at the address, with the issue.
      release()
      await page.locator('#app .shell .toc-item', { hasText: TITLE }).waitFor()
      await page.waitForFunction(() => !document.getElementById('boot-shell'))
      await page.locator('#app .shell .toc-item', { hasText: TITLE }).click()
      await page.locator('#app .shell .title', { hasText: TITLE }).waitFor()
      expect(documents).toEqual(['/'])
      await context.close()
    }, 60_000)
  }

  for (const [night, width, height] of [
    [false, 390, 844],
    [true, 390, 844],
    [false, 320, 568],
    [true, 320, 568],
  ] as const) {
    it(`has no serious or critical violation on the server's pages before the app (${night ? 'night, largest text' : 'day, default text'}, ${width}×${height})`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' })
      const page = await context.newPage()
      if (night) await page.addInitScript((value) => localStorage.setItem('settings', value), stored({ textStep: 4, night: true, care: false }))
      await holdBack(page, /\/js\//)
      const found: Record<string, string[]> = {}
      for (const path of ['/', '/issues/1', '/articles/5', '/no/such/page']) {
        await page.goto(server.base + path, { waitUntil: 'commit' })
        await page.locator('#boot-body[data-prerendered] h1').first().waitFor()
        const bad = await seriousViolations(page)
        if (bad.length) found[path] = bad
      }
      expect(found).toEqual({})
      await context.close()
    }, 60_000)
  }

  it('hands a tap made while the app is starting to the app, which opens the page without reloading', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' })
    const page = await context.newPage()
    // The app's script has run (its router is up) but its pages' code is still on the way.
    const release = await holdBack(page, /\/chunk\//)
    const documents = documentsLoaded(page)
    await page.goto(server.base + '/', { waitUntil: 'commit' })
    await page.locator('#app.taro_router').waitFor({ state: 'attached' })
    const box = (await page.locator('#boot-body a.issue-card').first().boundingBox())!
    await page.touchscreen.tap(box.x + 24, box.y + box.height / 2)
    release()
    // The app's issue page, at its address, with the server's page gone only once it is there.
    await page.locator('#app .shell .toc-item', { hasText: TITLE }).waitFor()
    await page.waitForFunction(() => !document.getElementById('boot-shell'))
    expect(new URL(page.url()).pathname).toBe('/issues/1')
    expect(documents).toEqual(['/'])
    await context.close()
  }, 60_000)

  for (const [path, api, width, height] of [
    ['/', '/api/issues'],
    ['/articles/5', '/api/articles/5'],
    ['/issues/1', '/api/issues/1'],
  ].flatMap(([p, a]) => VIEWPORTS.map(([w, h]) => [p, a, w, h] as const))) {
    it(`takes over ${path} without asking the API again, and never shows 正在加载… in between (${width}×${height})`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
      const page = await context.newPage()
      // From the first byte on: was a loading placeholder ever on screen?
      await page.addInitScript(() => {
        const w = window as unknown as { sawLoading: boolean }
        w.sawLoading = false
        new MutationObserver(() => {
          for (const el of Array.from(document.querySelectorAll('.skeleton, #boot-body'))) {
            const box = el.getBoundingClientRect()
            if (box.width === 0 || !/正在加载|正在打开/.test((el as HTMLElement).innerText ?? '')) continue
            // On screen, not under the page's own text (the boot view covers the app until it is ready).
            const top = document.elementFromPoint(box.x + 4, box.y + 4)
            if (top && el.contains(top)) w.sawLoading = true
          }
        }).observe(document, { childList: true, subtree: true, characterData: true })
      })
      const calls: string[] = []
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === api) calls.push(r.url())
      })
      await page.goto(server.base + path)
      // The app's own page, with the content.
      await page
        .locator(path === '/' ? '#app .shell .issue-card' : path.startsWith('/articles') ? '#app .shell .title' : '#app .shell .toc-item')
        .locator('visible=true')
        .first()
        .waitFor()
      expect(await page.locator('#boot-shell').count()).toBe(0)
      expect(calls).toEqual([])
      expect(await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading)).toBe(false)
      await screenshot(page, `62-app-took-over-${path === '/' ? 'home' : path.split('/')[1]}-${width}`)
      await context.close()
    }, 30_000)
  }
})
