/**
 * From a search result to what it found: a brief opens its section scrolled to it and marked; an
 * article opens with the search term marked in its text. The section filter offers the sections
 * that exist (an issue with 基层动态 and 经验做法 among them). A query typed in traditional characters (畢節) finds the simplified text and marks it as
 * written, at 390×844 and 320×568.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'
import { ADMIN_TOKEN, importAndPublish } from './admin-import'

/**
 * An old issue whose sections are neither of the sample's: the filter once offered a fixed three
 * (要情动态, 工作交流, 信息短波), so these would have had none; and then only those of the issues
 * home had loaded (the newest ten), so an older issue's would have had none either.
 */
const OTHER_SECTIONS = `工会信息
〔2013〕第7期
广州市总工会办公室
2013年7月14日
〔基层动态〕
荔湾区总工会举办《劳动法》知识竞赛
7月6日，荔湾区总工会举办《劳动法》知识竞赛，36支职工代表队参赛。（荔湾区总工会）
〔经验做法〕
天河区总工会以“职工之家”建设带动基层工会规范化
天河区总工会梳理近年建家经验，形成阵地、制度、活动三个清单，在全区推广。（天河区总工会）
`

const newerIssue = (n: number) => `工会信息
〔2024〕第${n}期
广州市总工会办公室
2024年3月${n}日
〔要情动态〕
越秀区总工会第${n}次职工议事会召开
3月${n}日，越秀区总工会召开职工议事会，听取职工意见。（越秀区总工会）
`

describeBrowser('H5 search results, followed', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const shown = (selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).locator('visible=true')

  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer({ ADMIN_TOKEN })
    await importAndPublish(server.base, OTHER_SECTIONS, 'text/plain')
    // Ten newer issues: the sample and the old one are past the first page home loads.
    for (let n = 1; n <= 10; n++) await importAndPublish(server.base, newerIssue(n), 'text/plain')
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

  for (const [width, height] of [
    [390, 844],
    [320, 568],
  ]) {
    it(`offers a filter for each section the issues have (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      await page.goto(server.base + '/search')
      const chips = page.getByRole('group', { name: '按栏目' }).getByRole('button')
      // The archive's sections come from the server (/api/search/filters), after the issues home has.
      await chips.filter({ hasText: '经验做法' }).waitFor()
      const names = (await chips.allInnerTexts()).map((t) => t.trim())
      expect(names[0]).toBe('全部栏目')
      expect(names.slice(1).sort()).toEqual(['要情动态', '工作交流', '信息短波', '基层动态', '经验做法'].sort())
      // Every year of the archive too, not only those of the issues home loaded.
      const years = (await page.getByRole('group', { name: '按年份' }).getByRole('button').allInnerTexts()).map((t) => t.trim())
      expect(years).toEqual(['全部年份', '2024年', '2020年', '2013年'])
      // A new section's chip filters to it: 经验做法 finds that issue's article and nothing else.
      await page.getByRole('button', { name: '经验做法' }).click()
      await shown('.input input').fill('总工会')
      await shown('.card', '职工之家').waitFor()
      expect(await shown('.card').count()).toBe(1)
      // Every chip on screen, none cut at the right edge.
      const rights = await chips.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))
      expect(Math.max(...rights)).toBeLessThanOrEqual(width)
      await screenshot(page, `74-search-section-filter-${width}`)
    }, 30_000)

    it(`opens a brief in its section, scrolled to and marked (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
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
      await screenshot(page, `70-search-brief-marked-${width}`)
      // Still there once the page stands still: the section, not the page, scrolled (no blank screen).
      // (The visual viewport too: a phone pans it sideways when the document is wider than the screen.)
      const box = (await brief.boundingBox())!
      const pan = await page.evaluate(() => ({ x: visualViewport!.offsetLeft, wider: document.documentElement.scrollWidth > innerWidth }))
      expect({ left: box.x >= 0, right: box.x + box.width <= width + 1, top: box.y >= 0, bottom: box.y + box.height <= height, pan }).toEqual({
        left: true,
        right: true,
        top: true,
        bottom: true,
        pan: { x: 0, wider: false },
      })
    }, 30_000)

    it(`opens an article with the search term marked (${width}×${height})`, async () => {
      await page.setViewportSize({ width, height })
      await search('毕节')
      await shown('.card').first().click()
      await shown('.article .mark').first().waitFor()
      expect((await shown('.article .mark').allInnerTexts()).every((t) => t === '毕节')).toBe(true)
      await screenshot(page, `71-search-article-marked-${width}`)
    }, 30_000)
  }

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
