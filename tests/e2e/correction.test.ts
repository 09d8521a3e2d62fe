/**
 * A correction reaches readers: an article of a published issue corrected through the admin API
 * keeps its id, and the H5 reader (real Chromium, 390×844) shows "本文已于 … 更正：…" under it, with
 * the corrected text. Screenshot in tests/artifacts/e2e/.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'
import { ADMIN_TOKEN, correctArticleText, importAndPublish, sampleAs } from './admin-import'

describeBrowser('H5 reader: a corrected article (390×844)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let articleId: number
  let correctedAt: string

  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer({ ADMIN_TOKEN })
    const issueId = await importAndPublish(server.base, sampleAs(2025, 3))
    const corrected = await correctArticleText(server.base, issueId, '7 月 8 日，市总工会', '7 月 9 日，市总工会', '活动日期应为7月9日')
    ;[articleId] = corrected.corrected
    correctedAt = corrected.at
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the correction note under the article, with the corrected text', async () => {
    await page.goto(`${server.base}/#/pages/article/index?id=${articleId}`)
    const notice = page.locator('.correction').locator('visible=true')
    await notice.waitFor()
    const beijing = new Date(Date.parse(correctedAt) + 8 * 3600_000)
    const day = `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`
    expect((await notice.textContent())?.trim()).toBe(`本文已于 ${day} 更正：活动日期应为7月9日`)
    expect(await page.locator('.para').locator('visible=true').first().textContent()).toMatch(/^7 月 9 日，市总工会/)
    // Under the article's text, above the actions.
    const noticeTop = (await notice.boundingBox())!.y
    const lastPara = (await page.locator('.para').locator('visible=true').last().boundingBox())!
    expect(noticeTop).toBeGreaterThanOrEqual(lastPara.y + lastPara.height)
    await notice.scrollIntoViewIfNeeded()
    await screenshot(page, 'correction-notice')
  })
})
