/**
 * 保存本期 and reading with no network, in real Chromium at 390×844 and at 320×568, against the real
 * backend: an issue with a picture saved (its picture in Cache Storage), 取消保存 freeing it, home
 * marking what is saved; then the network gone for real (the backend stopped, and the browser told
 * it is offline), home saying so and listing what is on the phone, the saved issue and its picture
 * reading, search looking through the phone and saying so, and an issue and an article never opened
 * explaining themselves with a way home. Screenshots in tests/artifacts/e2e/offline-*.png.
 *
 * Why stop the backend: Chromium's offline emulation does not reach a service worker's own fetches
 * (playwright#2311), so without it the worker would still reach the network and prove nothing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH, describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { CHROMIUM_ARGS, screenshot } from './browser'
import { ADMIN_TOKEN, importAndPublish, importDocxAndPublish, sampleAs } from './admin-import'
import { seriousViolations } from './a11y'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../client/support/server'

interface IssueJson {
  id: number
  label: string
  sections: Array<{ items: Array<{ id: number; kind: string; title?: string }> }>
}

const SIZES = [
  { width: 390, height: 844 },
  { width: 320, height: 568 },
]

for (const { width, height } of SIZES)
  describeBrowser(`保存本期 and reading offline in Chromium (${width}×${height})`, () => {
    let server: RunningServer
    let browser: Browser
    let context: BrowserContext
    let page: Page
    let saved: IssueJson
    let unsaved: IssueJson
    const shot = (name: string) => screenshot(page, `offline-${width}-${name}`)

    beforeAll(async () => {
      if (!existsSync(path.join(ROOT, 'dist/h5/index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first (npm test does)')
      server = await startServer({ ADMIN_TOKEN })
      const withPicture = await importDocxAndPublish(server.base, 'word-table-photo.docx')
      const other = await importAndPublish(server.base, sampleAs(2019, 5))
      saved = (await (await fetch(`${server.base}/api/issues/${withPicture}`)).json()) as IssueJson
      unsaved = (await (await fetch(`${server.base}/api/issues/${other}`)).json()) as IssueJson
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
      context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'zh-CN' })
      page = await context.newPage()
    }, 90_000)
    afterAll(async () => {
      await browser?.close()
      await server?.stop()
    })

    // H5 keeps earlier pages of the stack in the DOM, hidden: only look at what is on screen.
    const shown = (selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).locator('visible=true')
    const card = (label: string) => shown('.issue-card', label).first()
    const keptPictures = () => page.evaluate(async () => (await (await caches.open('ub-pictures-v1')).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search))
    const noViolations = async () => expect(await seriousViolations(page)).toEqual([])
    /** Nothing sticks out sideways: the narrow phone shows every word and button. */
    const fitsSideways = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)

    it('saves an issue with its picture, frees it with 取消保存, and home marks what is saved', async () => {
      await page.goto(server.base + '/')
      await card(saved.label).waitFor()
      // The service worker keeps the app's files and answers pictures: wait until it runs this page.
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, undefined, { timeout: 30_000 })
      expect(await card(saved.label).innerText()).not.toContain('已保存')

      await card(saved.label).click()
      const bar = shown('.save-bar')
      await bar.waitFor()
      expect(await bar.innerText()).toContain('没有网络也能读')
      await shot('01-issue-before-saving')
      await shown('.save-bar .btn', '保存本期').click()
      await shown('.save-bar', '已保存到手机，没有网络也能读').waitFor({ timeout: 15_000 })
      expect(await keptPictures()).toEqual([expect.stringMatching(/^\/api\/media\/[0-9a-f]{64}\?w=750$/)])
      await fitsSideways()
      await noViolations()
      await shot('02-issue-saved')

      // 取消保存: the picture's space is freed, and the bar offers 保存本期 again.
      await shown('.save-bar .btn', '取消保存').click()
      await shown('.save-bar', '已取消保存').waitFor()
      await page.waitForFunction(async () => (await (await caches.open('ub-pictures-v1')).keys()).length === 0)
      await shot('03-issue-unsaved')
      await shown('.save-bar .btn', '保存本期').click()
      await shown('.save-bar', '已保存到手机').waitFor({ timeout: 15_000 })
      expect((await keptPictures()).length).toBe(1)

      await shown('.top-bar-btn', '首页').click()
      await card(saved.label).waitFor()
      await shown('.issue-card .saved-mark').first().waitFor()
      expect(await card(saved.label).innerText()).toContain('已保存')
      expect(await card(unsaved.label).innerText()).not.toContain('已保存')
      await noViolations()
      await shot('04-home-saved-mark')
    }, 90_000)

    it('with no network, home says so and lists what is on the phone; the saved issue reads with its picture', async () => {
      await context.setOffline(true)
      await server.stop()
      // Nor may the browser's HTTP cache answer (pictures are served immutable): only what the app kept.
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.clearBrowserCache')
      await cdp.detach()
      await page.reload()
      const note = shown('.offline-home')
      await note.waitFor({ timeout: 20_000 })
      expect(await note.innerText()).toContain('没有网络')
      expect(await note.innerText()).toContain('已保存')
      await card(saved.label).waitFor()
      expect(await card(saved.label).innerText()).toContain('已保存')
      await fitsSideways()
      await noViolations()
      await shot('05-home-offline')

      await card(saved.label).click()
      await shown('.toc-item').first().waitFor()
      await shown('.banner', '内容来自本机').waitFor({ timeout: 15_000 })
      expect(await shown('.save-bar').innerText()).toContain('已保存到手机')
      const article = saved.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!
      await shown('.toc-item', article.title).first().click()
      await shown('.title', article.title!).waitFor()
      // The picture loads lazily, once in view: bring its place there (the image is empty until it loads).
      await shown('.block-picture').first().scrollIntoViewIfNeeded()
      const image = shown('.block-picture img').first()
      // The picture from the kept copy: the backend is gone.
      await page.waitForFunction(() => Array.from(document.querySelectorAll('.block-picture img')).some((i) => (i as HTMLImageElement).naturalWidth > 0), undefined, {
        timeout: 10_000,
      })
      expect(await image.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(750)
      await shot('06-article-offline-picture')
    }, 90_000)

    it('with no network, search looks through what is on the phone and says so; results open as usual', async () => {
      await page.goto(server.base + '/search')
      const box = shown('.input input')
      await box.waitFor({ timeout: 20_000 })
      await box.fill('疗休养')
      const note = shown('.hint', '手机上')
      await note.waitFor({ timeout: 15_000 })
      expect(await note.innerText()).toContain('不是全部期刊')
      await shown('.card .mark', '疗休养').first().waitFor()
      expect(await shown('.muted', '在手机上找到').first().innerText()).toMatch(/在手机上找到 \d+ 条/)
      await fitsSideways()
      await noViolations()
      await shot('07-search-offline')

      // 毕节 is in the other issue only, which is not on the phone: the phone has none, and says where it looked.
      await box.fill('毕节')
      await shown('.pad', '手机上保存的内容里没有找到').waitFor({ timeout: 15_000 })
      await shot('08-search-offline-none')

      await box.fill('疗休养')
      await shown('.card .mark', '疗休养').first().waitFor({ timeout: 15_000 })
      await shown('.card').first().click()
      await shown('.title').first().waitFor()
      expect(await shown('.title').first().innerText()).toContain('疗休养')
    }, 90_000)

    it('with no network, an issue and an article never opened explain themselves and lead home', async () => {
      await page.goto(server.base + '/')
      await card(unsaved.label).waitFor({ timeout: 20_000 })
      await card(unsaved.label).click()
      const view = shown('.not-on-phone')
      await view.waitFor({ timeout: 20_000 })
      expect(await view.innerText()).toContain('没有网络，这一期还没有保存到手机上')
      await fitsSideways()
      await noViolations()
      await shot('09-issue-not-on-phone')

      // 重试 tries again and, still with no network, says the same (not a blank page, not a generic error).
      const retried = page.waitForRequest((r) => r.url().includes(`/api/issues/${unsaved.id}`), { timeout: 20_000 })
      await shown('.not-on-phone .btn', '重试').click()
      await retried
      await shown('.not-on-phone').waitFor()
      expect(await shown('.not-on-phone').innerText()).toContain('没有网络，这一期还没有保存到手机上')
      await shown('.not-on-phone .btn', '返回首页').click()
      await card(saved.label).waitFor()
      await shown('.offline-home').waitFor()

      const article = unsaved.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!
      await page.goto(`${server.base}/articles/${article.id}`)
      const articleView = shown('.not-on-phone')
      await articleView.waitFor({ timeout: 20_000 })
      expect(await articleView.innerText()).toContain('没有网络，这一篇还没有保存到手机上')
      await noViolations()
      await shot('10-article-not-on-phone')
      await shown('.not-on-phone .btn', '返回首页').click()
      await card(saved.label).waitFor()
    }, 90_000)

    it('in 长辈版, with no network, home and the saved issue say the same in larger type, all on screen', async () => {
      await shown('.nav-row .btn', '长辈版').click()
      await shown('.shell.care .offline-home').waitFor()
      await fitsSideways()
      await noViolations()
      await shot('11-care-home-offline')
      await card(saved.label).click()
      await shown('.shell.care .save-bar', '已保存到手机').waitFor({ timeout: 15_000 })
      await shown('.save-bar .btn', '取消保存').waitFor()
      await fitsSideways()
      await noViolations()
      await shot('12-care-issue-saved')
    }, 90_000)
  })
