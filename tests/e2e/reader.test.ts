/**
 * The H5 client in real Chromium at a phone's size, against the real backend serving dist/h5:
 * a member's path through the app, with a screenshot of each step in tests/artifacts/e2e/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot, touchDrag } from './browser'

/** A finger swipe from x0 to x1 at height y. */
const swipe = (page: Page, x0: number, x1: number, y: number) => touchDrag(page, { x: x0, y }, { x: x1, y }, 8, 16)

describeBrowser('H5 reader in Chromium (390×844)', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const shot = (name: string) => screenshot(page, name)

  beforeAll(async () => {
    ;({ browser, context, page } = await launchPhone())
    server = await startServer()
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  // H5 keeps earlier pages of the stack in the DOM, hidden: only look at what is on screen.
  const text = (t: string) => page.getByText(t, { exact: false }).locator('visible=true').first()
  const shown = (selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).locator('visible=true')

  it('walks a member through reading, favouriting, searching and reading offline', async () => {
    await page.goto(server.base + '/')
    await text('〔2020〕第二十期').waitFor()
    await text('未读').waitFor()
    await shot('01-home')

    await text('〔2020〕第二十期').click()
    await shown('.tabs').waitFor()
    await text('广州市总工会办公室').waitFor()
    await shot('02-issue-contents')

    // Swipe left on the reader with a finger (touch events): the next section, and its tab marked.
    // The swiper sets itself up after the first paint (Swiper marks its container once it listens).
    await shown('.reader .swiper-initialized').first().waitFor()
    const box = (await shown('.reader').boundingBox())!
    await swipe(page, box.x + box.width - 40, box.x + 40, box.y + 300)
    await shown('.tab.on', '要情动态').waitFor({ timeout: 5000 })
    await shot('03-issue-next-section')

    // Back to the contents through the tab strip, then open an article from it.
    await shown('.tab', '本期导读').click()
    await shown('.tab.on', '本期导读').waitFor()
    await shown('.toc-item', '增城区总工会网络直播心系职工传递关怀').click()
    await shown('.title', '增城区总工会网络直播心系职工传递关怀').waitFor()
    await text('涂冬妮').waitFor()
    await shot('04-article')

    await text('☆ 收藏').click()
    await text('★ 已收藏').waitFor()
    await shot('05-article-favourited')

    await page.goto(server.base + '/#/pages/search/index')
    await shown('.input input').fill('毕节')
    await shown('.mark', '毕节').first().waitFor()
    await text('共找到').waitFor()
    await shot('06-search-bijie')
    await shown('.card').first().click()
    await shown('.title').waitFor()
    expect(await shown('.title').innerText()).toContain('毕节')
    await shot('07-search-result-article')

    // Reload: the favourite is still there (kept on the device and on the server).
    await page.goto(server.base + '/#/pages/favourites/index')
    await page.reload()
    await shown('.card', '增城区总工会网络直播心系职工传递关怀').waitFor()
    await shot('08-favourites-after-reload')

    // No network: the favourite still reads, with the banner saying so.
    await context.setOffline(true)
    await shown('.card', '增城区总工会网络直播心系职工传递关怀').locator('.btn', { hasText: '阅读' }).first().click()
    await shown('.title', '增城区总工会网络直播心系职工传递关怀').waitFor()
    await text('内容来自本机').waitFor({ timeout: 15_000 })
    expect((await shown('.article').innerText()).length).toBeGreaterThan(300)
    expect(await shown('.article').innerText()).toContain('网络直播')
    await shot('09-offline-article')
    await context.setOffline(false)

    // Text size: the largest step makes the article text bigger.
    const before = await shown('.para')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await page.goto(server.base + '/#/pages/settings/index')
    await shown('.btn', '超大').click()
    await shot('10-settings-largest')
    await page.goBack()
    await shown('.para').first().waitFor()
    const after = await shown('.para')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(after).toBeGreaterThanOrEqual(28)
    expect(after).toBeGreaterThan(before)
    await shot('11-article-largest-text')
  }, 120_000)

  /**
   * A phone that has not been here (nothing kept by the service worker, which the hold could not see)
   * opening the issue with its swipe library held back, as on a slow network, until `release()`.
   */
  async function issueWithSwiperHeld() {
    const { items } = (await (await fetch(`${server.base}/api/issues`)).json()) as { items: Array<{ id: number }> }
    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block', locale: 'zh-CN' })
    const reader = await fresh.newPage()
    let release: () => void = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    let ask: () => void = () => {}
    const asked = new Promise<void>((resolve) => (ask = resolve))
    await reader.route(/\/chunk\/reader-swiper\./, async (route) => {
      ask()
      await released
      await route.continue()
    })
    const close = async () => {
      release()
      await fresh.close()
    }
    return { fresh, reader, asked, release, close, open: () => reader.goto(`${server.base}/issues/${items[0].id}`) }
  }

  it('shows an issue before its swipe library has come, then swipes from where the member had scrolled', async () => {
    const { reader, asked, release, close, open } = await issueWithSwiperHeld()
    const on = (selector: string, hasText?: string) => reader.locator(selector, hasText ? { hasText } : {}).locator('visible=true')
    try {
      await open()
      await on('.shell .toc-item').first().waitFor()
      expect(await reader.locator('.swiper-initialized').count()).toBe(0)

      // The tabs work meanwhile: a section, scrolled down as a member reads it.
      await on('.shell .tab', '要情动态').click()
      await on('.shell .tab.on', '要情动态').waitFor()
      await on('#reader-page-1 .card').first().waitFor()
      const scrolled = await on('#reader-page-1').evaluate((el) => {
        el.scrollTop = 100
        return el.scrollTop
      })
      expect(scrolled).toBeGreaterThan(50)
      await screenshot(reader, '12-issue-before-swiper')
      // The page asked for the library behind it (held here).
      await asked

      // The library comes: the swiper takes the page's place at the same section and scroll.
      release()
      await on('.reader .swiper-initialized').first().waitFor()
      await on('.shell .tab.on', '要情动态').waitFor()
      await reader.waitForFunction((top) => Math.abs((document.getElementById('reader-page-1')?.scrollTop ?? 0) - top) < 2, scrolled)
      const box = (await on('.reader').boundingBox())!
      await touchDrag(reader, { x: box.x + box.width - 40, y: box.y + 300 }, { x: box.x + 40, y: box.y + 300 }, 8, 16)
      await on('.shell .tab.on', '工作交流').waitFor({ timeout: 5000 })
      await screenshot(reader, '13-issue-swiper-arrived')
    } finally {
      await close()
    }
  }, 60_000)

  it('keeps the page in place while a finger is on it, and lets the swiper in once it lifts', async () => {
    const { fresh, reader, release, close, open } = await issueWithSwiperHeld()
    const frames = (n: number) =>
      reader.evaluate(
        (count) =>
          new Promise<void>((resolve) => {
            const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)))
            next(count)
          }),
        n,
      )
    try {
      await open()
      await reader.locator('.shell .toc-item').locator('visible=true').first().waitFor()
      // A finger comes down on the issue's masthead (no control under it) and rests there while the library arrives.
      const masthead = (await reader.locator('.shell .reader .masthead').locator('visible=true').first().boundingBox())!
      const cdp = await fresh.newCDPSession(reader)
      const finger = { x: masthead.x + masthead.width / 2, y: masthead.y + masthead.height / 2, id: 1 }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [finger] })
      const arrived = reader.waitForResponse(/\/chunk\/reader-swiper\./)
      release()
      await arrived
      // Well past the two still frames the swap waits for: the page is still the one drawn alone.
      await frames(10)
      expect(await reader.locator('taro-swiper-core').count()).toBe(0)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
      await reader.locator('.reader .swiper-initialized').locator('visible=true').first().waitFor()
      // Still on the issue's contents, as the member left it.
      await reader.locator('.shell .tab.on', { hasText: '本期导读' }).locator('visible=true').waitFor()
    } finally {
      await close()
    }
  }, 60_000)
})
