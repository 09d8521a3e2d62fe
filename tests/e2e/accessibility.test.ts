/**
 * axe-core on every page of the H5 reader, in day and night mode, at the default and the largest
 * text size, at 390×844 and 320×568: no serious or critical violation. Plus what axe cannot see:
 * the article's own "Aa" control, and the WeChat-only font option kept out of the browser.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot, untilStill } from './browser'
import { seriousViolations, setReadingSettings } from './a11y'

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 320, height: 568 },
]

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['issue', '/issues/1'],
  ['issue-section', '/issues/1?section=3'],
  ['article', '/articles/2'],
  ['search', '/search?q=%E6%AF%95%E8%8A%82'],
  ['favourites', '/favourites'],
  ['settings', '/settings'],
  ['not-found', '/no/such/page'],
]

/** The levels of the headings on screen, in reading order (H5 keeps earlier pages in the DOM, hidden). */
function headingOutline(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
      .filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed')
      .filter((el) => !el.closest('[aria-hidden=true]'))
      .map((el) => Number(el.getAttribute('aria-level') ?? el.tagName.slice(1))),
  )
}

describeBrowser('accessibility of the H5 reader (axe-core)', () => {
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

  for (const { width, height } of VIEWPORTS) {
    for (const mode of [
      { name: 'day, default text', textStep: null, night: false },
      { name: 'night, default text', textStep: null, night: true },
      { name: 'day, largest text', textStep: 4, night: false },
      { name: 'night, largest text', textStep: 4, night: true },
    ]) {
      it(`has no serious or critical violation on any page (${mode.name}, ${width}×${height})`, async () => {
        await page.setViewportSize({ width, height })
        await page.goto(server.base + '/settings')
        await setReadingSettings(page, { textStep: mode.textStep, night: mode.night })
        const found: Record<string, string[]> = {}
        for (const [name, route] of PAGES) {
          await page.goto('about:blank')
          await page.goto(server.base + route)
          // The page's first heading, once its content is in.
          await page.getByRole('heading', { level: 1 }).locator('visible=true').first().waitFor()
          if (name !== 'not-found') await page.locator('.skeleton').locator('visible=true').waitFor({ state: 'detached' })
          if (name === 'search') await shown('.card').first().waitFor()
          // The app's own page, standing still: not the server's page over it, nor colours mid-slide
          // (the server's pages before the app are audited in first-paint.test.ts).
          if (name !== 'not-found') await page.waitForFunction(() => !document.getElementById('boot-shell'))
          await untilStill(page)
          const bad = await seriousViolations(page)
          // Headings a screen reader can walk: the page's title (one h1) first, then its sections, no level skipped.
          const outline = await headingOutline(page)
          if (outline[0] !== 1 || outline.filter((l) => l === 1).length !== 1 || outline.some((l, i) => i > 0 && l > outline[i - 1] + 1)) bad.push(`headings: ${outline.join(' ')}`)
          if (bad.length) found[name] = bad
          await screenshot(page, `50-axe-${name}-${mode.night ? 'night' : 'day'}-${mode.textStep ?? 'default'}-${width}`)
        }
        expect(found).toEqual({})
      }, 120_000)
    }

    it(`offers text size and night mode from the article itself ("Aa") (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto(server.base + '/settings')
      await setReadingSettings(page, { textStep: null, night: false })
      await page.goto('about:blank')
      await page.goto(server.base + '/articles/2')
      await shown('.para').first().waitFor()
      const before = await shown('.para')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      const aa = page.getByRole('button', { name: '文字大小与夜间模式' })
      expect(await aa.getAttribute('aria-pressed')).toBe('false')
      await aa.click()
      await page.getByRole('button', { name: '超大' }).locator('visible=true').click()
      await page.getByRole('checkbox', { name: '夜间模式' }).locator('visible=true').check()
      await shown('.shell.night').waitFor()
      const after = await shown('.para')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(after).toBeGreaterThan(before)
      expect(after).toBeGreaterThanOrEqual(28)
      await screenshot(page, `51-article-aa-panel-${width}`)
      expect(await seriousViolations(page)).toEqual([])
    }, 30_000)

    it(`shows 跟随微信字体大小 only in WeChat: in a browser the chosen size is the one marked (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto(server.base + '/settings')
      await setReadingSettings(page, { textStep: null, night: false })
      await page.reload()
      await page.getByRole('heading', { level: 1, name: '字号与显示' }).waitFor()
      expect(await page.getByText('跟随微信字体大小').count()).toBe(0)
      const pressed = await page.locator('[role=group][aria-label=文字大小] [aria-pressed=true]').allInnerTexts()
      expect(pressed.map((t) => t.trim())).toEqual(['标准'])
    }, 30_000)
  }
})
