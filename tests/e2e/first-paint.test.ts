/**
 * A page's address read before (and without) the app's script: the server's HTML holds the text;
 * the app takes over without asking the API again, and without flickering to 正在加载… and back.
 */
import type { Browser } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'

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
        .locator(path === '/' ? '.shell .issue-card' : path.startsWith('/articles') ? '.shell .title' : '.shell .toc-item')
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
