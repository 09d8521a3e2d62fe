/**
 * Reaching every page as a member does, by tapping, at 390×844 and 320×568: each page's content is
 * inside the viewport, every page has a way back or home, unknown addresses say so, and the
 * keyboard reaches and presses the controls.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'
import { seriousViolations, setReadingSettings } from './a11y'

/** Everything the page shows lies within the screen's width, and the page is not wider than it. */
async function contentInViewport(page: Page, selector: string) {
  const el = page.locator(selector).locator('visible=true').first()
  await el.waitFor()
  // Once the page has slid in (Taro's H5 router animates it for ~300 ms): until then it is
  // partly off screen by design. A page that never arrives fails the checks below.
  await page
    .waitForFunction(
      (e) => {
        const r = (e as Element).getBoundingClientRect()
        return r.left >= 0 && r.right <= innerWidth + 1
      },
      await el.elementHandle(),
      { timeout: 3000 },
    )
    .catch(() => undefined)
  const box = (await el.boundingBox())!
  const { width, scrollWidth, scrollX, pan } = await page.evaluate(() => ({
    width: innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    scrollX: window.scrollX,
    // A phone pans its visual viewport sideways when the document is wider than the screen.
    pan: visualViewport?.offsetLeft ?? 0,
  }))
  return { left: box.x >= 0, right: box.x + box.width <= width + 1, pageFits: scrollWidth <= width + 1, scrollX, pan }
}
const FITS = { left: true, right: true, pageFits: true, scrollX: 0, pan: 0 }

describeBrowser('H5 navigation, by tap and by keyboard', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const shown = (selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).locator('visible=true')

  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer()
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  for (const [width, height] of [
    [390, 844],
    [320, 568],
  ]) {
    it(`at ${width}×${height}, every page reached by tapping shows its content on screen, with a way back`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto(server.base + '/')
      await shown('.issue-card').first().waitFor()
      // The text-size button (字号) stays on one line.
      const navHeights = await shown('.nav-row .btn').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
      expect(Math.max(...navHeights)).toBeLessThan(50)

      for (const [button, title] of [
        ['搜索', '搜索'],
        ['收藏', '收藏'],
        ['字号', '字号与显示'],
      ]) {
        await shown('.nav-row .btn', button).click()
        const heading = page.getByRole('heading', { level: 1, name: title }).locator('visible=true')
        await heading.waitFor()
        expect(await contentInViewport(page, title === '收藏' ? '.masthead-name' : '.top-bar-title')).toEqual(FITS)
        if (button === '搜索') expect(await contentInViewport(page, '.input')).toEqual(FITS)
        await screenshot(page, `40-tapped-${button}-${width}`)
        // Back, by the page's own control: home again.
        await shown('[role=button]', title === '收藏' ? '返回首页' : '返回')
          .first()
          .click()
        await shown('.issue-card').first().waitFor()
      }

      await shown('.issue-card').first().click()
      await page.getByRole('heading', { level: 1 }).locator('visible=true').first().waitFor()
      expect(new URL(page.url()).pathname).toBe('/issues/1')
      expect(await contentInViewport(page, '.tabs')).toEqual(FITS)
      await shown('.toc-item', '增城区总工会网络直播心系职工传递关怀').click()
      await shown('.title', '增城区总工会网络直播心系职工传递关怀').waitFor()
      expect(new URL(page.url()).pathname).toBe('/articles/5')
      expect(await contentInViewport(page, '.title')).toEqual(FITS)
      await screenshot(page, `41-tapped-article-${width}`)
      await page.getByRole('button', { name: '首页', exact: true }).locator('visible=true').click()
      await shown('.issue-card').first().waitFor()
      expect(new URL(page.url()).pathname).toBe('/')

      // The issue page's own way back, too.
      await shown('.issue-card').first().click()
      await shown('.tabs').waitFor()
      await shown('[role=button]', '返回').first().click()
      await shown('.issue-card').first().waitFor()
      expect(new URL(page.url()).pathname).toBe('/')
    }, 90_000)
  }

  it('keeps the home buttons on one line at 320 px with the largest text', async () => {
    await page.setViewportSize({ width: 320, height: 568 })
    await page.goto(server.base + '/settings')
    await setReadingSettings(page, { textStep: 4, night: false })
    await page.goto(server.base + '/')
    await shown('.issue-card').first().waitFor()
    const boxes = await shown('.nav-row .btn').evaluateAll((els) => els.map((e) => ({ h: e.getBoundingClientRect().height, fits: e.scrollWidth <= e.clientWidth + 1 })))
    // 搜索, 收藏, 字号 and 长辈版 (issue 14's entry on home).
    expect(boxes.length).toBe(4)
    for (const box of boxes) expect(box).toEqual({ h: expect.any(Number), fits: true })
    expect(Math.max(...boxes.map((b) => b.h))).toBeLessThan(60)
    await screenshot(page, '44-home-320-largest')
    await setReadingSettings(page, { textStep: null, night: false })
  }, 30_000)

  for (const [width, height] of [
    [390, 844],
    [320, 568],
  ]) {
    it(`keeps old #/pages/… links working, at the page\u2019s new address (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      // Opened afresh, as a link from a chat is (not a hash change within the open app).
      await page.goto('about:blank')
      await page.goto(server.base + '/#/pages/article/index?id=2')
      await shown('.title').waitFor()
      expect(new URL(page.url()).pathname).toBe('/articles/2')
      await page.goto('about:blank')
      await page.goto(server.base + '/#/pages/issue/index?id=1&section=2')
      await shown('.tab.on', '工作交流').waitFor()
      expect(page.url()).toBe(server.base + '/issues/1?section=2')
    }, 30_000)

    it(`answers an unknown address with 找不到这个页面 and a way home (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      for (const address of ['/no/such/page', '/articles/999999', '/issues/abc', '/#/pages/nothing/index', '/#/pages/issue/index']) {
        // Each opened afresh: a hash-only change would leave the last page on screen.
        await page.goto('about:blank')
        const response = await page.goto(server.base + address)
        await page.getByRole('heading', { name: '找不到这个页面' }).locator('visible=true').waitFor()
        if (!address.includes('#')) expect(response?.status()).toBe(404)
        expect(await page.locator('body').innerText()).not.toContain('链接不完整')
      }
      await screenshot(page, `42-not-found-${width}`)
      await page.getByRole('link', { name: '返回首页' }).click()
      await shown('.issue-card').first().waitFor()
    }, 30_000)

    it(`leaves no dead end when the server fails: an issue's, a search's and an article's error say so, with a way back and home (${width}×${height})`, async () => {
      // A phone that has read nothing yet (nothing kept on it to fall back on).
      const fresh = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
      const tab = await fresh.newPage()
      const on = (selector: string, hasText?: string) => tab.locator(selector, hasText ? { hasText } : {}).locator('visible=true')
      const failing = { status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: '服务暂时不可用' } }) }
      await tab.route(/\/api\/(issues\/1|search)(\?|$)/, (route) => route.fulfill(failing))
      try {
        await tab.goto(server.base + '/')
        await on('.shell .issue-card').first().click()
        const alert = tab.getByRole('alert').locator('visible=true')
        await alert.waitFor()
        expect(new URL(tab.url()).pathname).toBe('/issues/1')
        await alert.getByRole('button', { name: '重新加载' }).waitFor()
        expect(await contentInViewport(tab, '.error')).toEqual(FITS)
        await screenshot(tab, `46-issue-error-${width}`)
        expect(await seriousViolations(tab)).toEqual([])
        // The error's own 返回首页, and the page's bar (返回, 首页) too.
        expect(await on('.top-bar [role=button]').allInnerTexts()).toEqual(['‹ 返回', '首页'])
        await alert.getByRole('button', { name: '返回首页' }).click()
        await on('.issue-card').first().waitFor()
        expect(new URL(tab.url()).pathname).toBe('/')

        await on('.nav-row .btn', '搜索').click()
        await on('.input input').fill('毕节')
        await alert.waitFor()
        await alert.getByRole('button', { name: '重新加载' }).waitFor()
        await screenshot(tab, `47-search-error-${width}`)
        await tab.getByRole('button', { name: '首页', exact: true }).locator('visible=true').click()
        await on('.issue-card').first().waitFor()
      } finally {
        await fresh.close()
      }

      // An article opened on its own (a link from a chat), its server failing: the page comes
      // without the article in it (as the app's kept page, when the server cannot draw it), and the
      // app's ask for the article fails. The error in words, and 返回, with no page before it to go
      // back to, goes home. (No service worker here: it would fetch the page past the test's route.)
      const alone = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' })
      const lone = await alone.newPage()
      try {
        const issue = (await (await fetch(`${server.base}/api/issues/1`)).json()) as { sections: Array<{ items: Array<{ kind: string; id: number }> }> }
        const articleId = issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!.id
        const withoutArticle = await (await fetch(`${server.base}/favourites`)).text()
        await lone.route(`${server.base}/articles/${articleId}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: withoutArticle }))
        await lone.route(/\/api\/articles\//, (route) => route.fulfill(failing))
        await lone.goto(`${server.base}/articles/${articleId}`)
        const alert = lone.getByRole('alert').locator('visible=true')
        await alert.waitFor()
        expect(new URL(lone.url()).pathname).toBe(`/articles/${articleId}`)
        await alert.getByRole('button', { name: '重新加载' }).waitFor()
        await alert.getByRole('button', { name: '返回首页' }).waitFor()
        expect(await contentInViewport(lone, '.error')).toEqual(FITS)
        await screenshot(lone, `48-article-error-${width}`)
        expect(await seriousViolations(lone)).toEqual([])
        await lone.locator('.top-bar [role=button]', { hasText: '返回' }).locator('visible=true').click()
        await lone.locator('.issue-card').locator('visible=true').first().waitFor()
        expect(new URL(lone.url()).pathname).toBe('/')
      } finally {
        await alone.close()
      }
    }, 60_000)

    it(`reaches and presses the controls from the keyboard, with the focus visible (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto(server.base + '/')
      await shown('.issue-card').first().waitFor()
      expect(await page.getByRole('button').locator('visible=true').count()).toBeGreaterThanOrEqual(3)
      expect(await page.getByRole('link').locator('visible=true').count()).toBeGreaterThanOrEqual(1)
      expect(await page.getByRole('heading', { level: 1 }).locator('visible=true').count()).toBe(1)
      let name = ''
      for (let i = 0; i < 10 && name !== '搜索'; i++) {
        await page.keyboard.press('Tab')
        name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
      }
      expect(name).toBe('搜索')
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
      expect(outline).not.toBe('none')
      await screenshot(page, `43-keyboard-focus-${width}`)
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 1, name: '搜索' }).locator('visible=true').waitFor()
      expect(new URL(page.url()).pathname).toBe('/search')

      // On an article: Tab to its "Aa" control, open it with Space, choose 超大 with Enter.
      await page.goto(server.base + '/articles/2')
      await shown('.para').first().waitFor()
      const size = () =>
        shown('.para')
          .first()
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      const before = await size()
      const focusByTab = async (label: string) => {
        let at = ''
        for (let i = 0; i < 40 && at !== label; i++) {
          await page.keyboard.press('Tab')
          at = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null
            return el?.getAttribute('aria-label') ?? el?.innerText?.trim() ?? ''
          })
        }
        expect(at).toBe(label)
      }
      await focusByTab('文字大小与夜间模式')
      await page.keyboard.press('Space')
      await page.getByRole('button', { name: '超大' }).locator('visible=true').waitFor()
      await focusByTab('超大')
      await page.keyboard.press('Enter')
      await page.waitForFunction((px) => {
        const para = [...document.querySelectorAll('.para')].find((p) => p.getBoundingClientRect().width > 0)
        return !!para && parseFloat(getComputedStyle(para).fontSize) > px
      }, before)
      expect(await size()).toBeGreaterThanOrEqual(28)
      await screenshot(page, `45-keyboard-aa-${width}`)
      await setReadingSettings(page, { textStep: null, night: false })

      // Everything else a reader does, from the keyboard alone, the focus visible at each step.
      const tabTo = async (what: string, is: (el: Element) => boolean) => {
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab')
          const found = await page.evaluate(`(${is.toString()})(document.activeElement)`)
          if (found) {
            expect({ what, outline: await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle) }).not.toEqual({ what, outline: 'none' })
            return
          }
        }
        throw new Error(`Tab never reached ${what}`)
      }
      // Home: an issue's card opens the issue.
      await page.goto(server.base + '/')
      await shown('.issue-card').first().waitFor()
      await tabTo('an issue card', (el) => el.classList.contains('issue-card'))
      await page.keyboard.press('Enter')
      await shown('.tab.on', '本期导读').waitFor()
      expect(new URL(page.url()).pathname).toMatch(/^\/issues\/\d+$/)
      // The issue: a section's tab shows that section.
      await tabTo('the 工作交流 tab', (el) => el.classList.contains('tab') && (el.textContent ?? '').includes('工作交流'))
      await page.keyboard.press('Enter')
      await shown('.tab.on', '工作交流').waitFor()
      // An article: 收藏 and back again.
      await page.goto(server.base + '/articles/2')
      await shown('.para').first().waitFor()
      await tabTo('☆ 收藏', (el) => (el.textContent ?? '').trim() === '☆ 收藏')
      await page.keyboard.press('Enter')
      const kept = page.getByRole('button', { name: '★ 已收藏' }).locator('visible=true')
      await kept.waitFor()
      expect(await kept.getAttribute('aria-pressed')).toBe('true')
      await kept.focus()
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: '☆ 收藏' }).locator('visible=true').waitFor()
    }, 45_000)
  }
})
