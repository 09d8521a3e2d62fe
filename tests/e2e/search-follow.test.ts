/**
 * From a search result to what it found: a brief opens its section scrolled to it and marked; an
 * article opens with the search term marked in its text. The section filter offers the sections
 * that exist. A query typed in traditional characters (畢節) finds the simplified text and marks it as
 * written, at 390×844 and 320×568.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'

describeBrowser('H5 search results, followed', () => {
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

  const search = async (term: string) => {
    await page.goto('about:blank')
    await page.goto(server.base + '/search')
    await shown('.input input').fill(term)
    await shown('.card').first().waitFor()
  }

  it('offers a filter for each section the issues have', async () => {
    await page.goto(server.base + '/search')
    const chips = page.getByRole('group', { name: '按栏目' }).getByRole('button')
    await chips.nth(1).waitFor()
    expect((await chips.allInnerTexts()).map((t) => t.trim())).toEqual(['全部栏目', '要情动态', '工作交流', '信息短波'])
  }, 30_000)

  it('opens a brief in its section, scrolled to and marked', async () => {
    await search('渣打银行')
    await shown('.card', '渣打银行').click()
    const brief = shown('.brief.marked')
    await brief.waitFor()
    expect(await brief.innerText()).toContain('渣打银行')
    expect(await shown('.tab.on').innerText()).toContain('信息短波')
    await page.waitForFunction(() => {
      const el = Array.from(document.querySelectorAll('.brief.marked')).find((e) => e.getBoundingClientRect().width > 0)
      const box = el?.getBoundingClientRect()
      return !!box && box.top >= 0 && box.bottom <= innerHeight
    })
    await screenshot(page, '70-search-brief-marked')
    // Still there once the page stands still: the section, not the page, scrolled (no blank screen).
    // (The visual viewport too: a phone pans it sideways when the document is wider than the screen.)
    const box = (await brief.boundingBox())!
    const pan = await page.evaluate(() => ({ x: visualViewport!.offsetLeft, wider: document.documentElement.scrollWidth > innerWidth }))
    expect({ left: box.x >= 0, right: box.x + box.width <= 391, top: box.y >= 0, bottom: box.y + box.height <= 844, pan }).toEqual({
      left: true,
      right: true,
      top: true,
      bottom: true,
      pan: { x: 0, wider: false },
    })
  }, 30_000)

  it('opens an article with the search term marked', async () => {
    await search('毕节')
    await shown('.card').first().click()
    await shown('.article .mark').first().waitFor()
    expect((await shown('.article .mark').allInnerTexts()).every((t) => t === '毕节')).toBe(true)
    await screenshot(page, '71-search-article-marked')
  }, 30_000)

  it.each([
    [390, 844],
    [320, 568],
  ])(
    'finds 毕节 for 畢節 and marks the characters as written, in results and article (%i×%i)',
    async (width, height) => {
      await page.setViewportSize({ width, height })
      try {
        await search('畢節')
        const marks = shown('.card .mark')
        await marks.first().waitFor()
        expect(new Set(await marks.allInnerTexts())).toEqual(new Set(['毕节']))
        // The same items, in the same order, as the simplified query finds.
        const titles = await shown('.card .h2').allInnerTexts()
        expect(titles.length).toBeGreaterThan(0)
        await screenshot(page, `72-search-traditional-${width}`)
        await search('毕节')
        expect(await shown('.card .h2').allInnerTexts()).toEqual(titles)

        await search('畢節')
        await shown('.card').first().click()
        await shown('.article .mark').first().waitFor()
        expect(new Set(await shown('.article .mark').allInnerTexts())).toEqual(new Set(['毕节']))
        // Inside the viewport once the page has slid in (a fault here was the page laid out off screen).
        await page.waitForFunction(() =>
          [...document.querySelectorAll('.article .mark')].some((m) => {
            const box = m.getBoundingClientRect()
            return box.width > 0 && box.x >= 0 && box.x + box.width <= window.innerWidth
          }),
        )
        await screenshot(page, `73-search-traditional-article-${width}`)
      } finally {
        await page.setViewportSize({ width: 390, height: 844 })
      }
    },
    45_000,
  )
})
