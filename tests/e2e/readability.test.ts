/**
 * Readability rules measured in the real browser on the real pages: tap targets ≥ 44 px, line
 * height ≥ 1.5, text contrast ≥ 4.5:1 in day and in night mode, article text selectable.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot, untilStill } from './browser'

/** Runs in the page: every visible text element's contrast against its painted background. */
function lowContrast(page: Page, min: number) {
  return page.evaluate((minimum) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor)
        if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c
      }
      return [255, 255, 255]
    }
    const bad: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent?.trim()) continue
      const rect = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      if (rect.width === 0 || style.visibility === 'hidden' || el.closest('[style*="display: none"]') || (el as HTMLElement).offsetParent === null) continue
      const fg = parse(style.color)
      const [l1, l2] = [lum(fg), lum(background(el))].sort((a, b) => b - a)
      const ratio = (l1 + 0.05) / (l2 + 0.05)
      if (ratio < minimum && (fg.length < 4 || fg[3] > 0.9)) bad.push(`${node.textContent.trim().slice(0, 12)} ${ratio.toFixed(2)}`)
    }
    return bad
  }, min)
}

describeBrowser('readability of the H5 client', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer()
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const visible = (selector: string) => page.locator(selector).locator('visible=true')
  /** Opens a page afresh and waits for what it shows: its title, its content in place of the skeleton, and (for a search) its results. */
  const open = async (route: string) => {
    await page.goto('about:blank')
    await page.goto(server.base + route)
    await page.getByRole('heading', { level: 1 }).locator('visible=true').first().waitFor()
    await visible('.skeleton').waitFor({ state: 'detached' })
    if (route.includes('search/index?q=')) await visible('.card').first().waitFor()
    await untilStill(page)
  }

  it('tap targets are at least 44 px and body text has line height ≥ 1.5', async () => {
    for (const route of [
      '/#/pages/index/index',
      '/#/pages/article/index?id=2',
      '/#/pages/search/index',
      '/#/pages/settings/index',
      '/#/pages/issue/index?id=1',
      '/#/pages/favourites/index',
    ]) {
      await open(route)
      const small = await visible('.btn, .chip, .tab, .toc-item, .issue-card').evaluateAll((els) =>
        els
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.height < 44 || r.width < 44)
          .map((r) => `${r.width}×${r.height}`),
      )
      expect({ route, small }).toEqual({ route, small: [] })
    }
    await open('/#/pages/article/index?id=2')
    const ratio = await visible('.para')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize))
    expect(ratio).toBeGreaterThanOrEqual(1.5)
    expect(
      await visible('.para')
        .first()
        .evaluate((el) => getComputedStyle(el).userSelect),
    ).not.toBe('none')
  }, 60_000)

  it('text contrast is at least 4.5:1 in day and night mode', async () => {
    for (const route of ['/#/pages/index/index', '/#/pages/article/index?id=2', '/#/pages/search/index?q=%E6%AF%95%E8%8A%82', '/#/pages/favourites/index']) {
      await open(route)
      expect({ route, mode: 'day', low: await lowContrast(page, 4.5) }).toEqual({ route, mode: 'day', low: [] })
    }
    await open('/#/pages/settings/index')
    await visible('.taro-switch, taro-switch-core, .weui-switch').first().click()
    await screenshot(page, '12-settings-night')
    for (const route of ['/#/pages/index/index', '/#/pages/article/index?id=2', '/#/pages/search/index?q=%E6%AF%95%E8%8A%82', '/#/pages/favourites/index']) {
      await open(route)
      expect(await visible('.shell.night').count()).toBeGreaterThan(0)
      expect({ route, mode: 'night', low: await lowContrast(page, 4.5) }).toEqual({ route, mode: 'night', low: [] })
    }
    await screenshot(page, '13-favourites-night')
  }, 90_000)

  it('the favourites page names itself, offers the way home and, when empty, says how to add one in large text', async () => {
    await open('/#/pages/favourites/index')
    expect(await visible('.masthead-name').first().innerText()).toBe('收藏')
    await visible('.empty').first().waitFor()
    expect(await visible('.empty').first().innerText()).toContain('还没有收藏')
    const sizes = await visible('.empty .para, .empty .h2').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)))
    expect(sizes.length).toBe(2)
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(18)
    await screenshot(page, '14-favourites-empty')

    await visible('.btn').filter({ hasText: '返回首页' }).click()
    // Home is / now that H5 uses path URLs (issue 13); the old hash forms still count.
    await page.waitForURL(/pages\/index\/index|#\/?$|^https?:\/\/[^/]+\/$/)
    await visible('.issue-card').first().waitFor()
  }, 30_000)
})
