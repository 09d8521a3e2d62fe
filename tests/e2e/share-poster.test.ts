/**
 * Sharing from an article in the H5 client: headless Chromium has no Web Share API, so the link is
 * copied (read back from the real clipboard and opened): the article's path URL, which the server
 * answers with the article and its link-preview tags. The poster button leads to the backend's
 * poster PNG.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import path from 'node:path'
import { launchPhone, screenshot, SHOTS } from './browser'

const ARTICLE_ID = 5
const TITLE = '增城区总工会网络直播心系职工传递关怀'

describeBrowser('sharing an article in H5 (390×844 and 320×568)', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const shot = (name: string) => screenshot(page, name)
  const shown = (selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).locator('visible=true')

  beforeAll(async () => {
    ;({ browser, context, page } = await launchPhone())
    server = await startServer()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base })
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  for (const [width, height] of [
    [390, 844],
    [320, 568],
  ]) {
    it(`copies a link to the article when the browser cannot share, and the link opens it (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto(`${server.base}/#/pages/article/index?id=${ARTICLE_ID}`)
      await shown('.title', TITLE).waitFor()
      expect(await page.evaluate(() => typeof (navigator as { share?: unknown }).share)).toBe('undefined')
      await page.evaluate(() => navigator.clipboard.writeText('nothing yet'))

      await shown('.btn', '分享').click()
      await page.getByText('链接已复制').first().waitFor()
      await shot(`30-article-link-copied-${width}`)
      const link = await page.evaluate(() => navigator.clipboard.readText())
      expect(link).toBe(`${server.base}/articles/${ARTICLE_ID}`)

      // What a chat app's link preview reads: the server's HTML for that address, before any script.
      const html = await (await fetch(link)).text()
      const meta = (property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1]
      expect(meta('og:title')).toBe(TITLE)
      expect(meta('og:description')).toContain('一是创新宣传')
      expect(meta('og:image')).toMatch(new RegExp(`/api/cards/articles/${ARTICLE_ID}\\.png$`))
      expect(html).toMatch(new RegExp(`<title>${TITLE}`))

      // A colleague opening the pasted link lands on the same article, at its path URL.
      // On another phone: its own browser, with no reading position of this one's kept.
      const elsewhere = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
      const other = await elsewhere.newPage()
      await other.goto(link)
      await other.locator('.title', { hasText: TITLE }).locator('visible=true').waitFor()
      expect(await other.locator('.article').locator('visible=true').innerText()).toContain('涂冬妮')
      expect(new URL(other.url()).pathname).toBe(`/articles/${ARTICLE_ID}`)
      await other.screenshot({ path: path.join(SHOTS, `32-shared-link-opened-${width}.png`) })
      await elsewhere.close()
    }, 60_000)

    it(`leads to the poster PNG from the backend (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto(`${server.base}/#/pages/article/index?id=${ARTICLE_ID}`)
      await shown('.title', TITLE).waitFor()
      const download = page.waitForEvent('download')
      await shown('.btn', '保存海报').click()
      const url = (await download).url()
      expect(new URL(url).pathname).toBe(`/api/cards/articles/${ARTICLE_ID}/poster.png`)
      await page.getByText('海报已保存').first().waitFor()
      await shot(`31-article-poster-opened-${width}`)

      const response = await fetch(url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^image\/png/)
      const bytes = Buffer.from(await response.arrayBuffer())
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    }, 60_000)
  }
})
