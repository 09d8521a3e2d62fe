/**
 * Home with more issues than one page holds (the client asks for 10 at a time): scrolling to the
 * bottom brings the older ones, and pulling down shows an issue published while the page was open.
 * Issues are put on the real backend through the editors' API.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { ADMIN_TOKEN, fixture, importAndPublish, sampleAs } from './admin-import'
import { launchPhone, screenshot, touchDrag } from './browser'

/** A finger dragging straight down from y0 to y1. */
const pullDown = (page: Page, x: number, y0: number, y1: number) => touchDrag(page, { x, y: y0 }, { x, y: y1 }, 12, 20)

describeBrowser('home with several pages of issues (390×844)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const shot = (name: string) => screenshot(page, name)
  const card = (label: string) => page.locator('.issue-card', { hasText: label }).locator('visible=true')

  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer({ ADMIN_TOKEN })
    // With the seeded 〔2020〕第二十期: 3 fixtures + 8 re-dated samples = 12 issues, two pages of 10.
    for (const name of ['gonghui-xinxi-2019-12.txt', 'gonghui-xinxi-2021-03.md', 'gonghui-xinxi-2022-105.md']) await importAndPublish(server.base, fixture(name))
    for (let year = 2010; year <= 2017; year++) await importAndPublish(server.base, sampleAs(year, 3))
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('brings the older issues when scrolled to the bottom', async () => {
    await page.goto(server.base + '/')
    await card('第一百零五期').waitFor()
    expect(await page.locator('.issue-card').locator('visible=true').count()).toBe(10)
    expect(await card('〔2010〕').count()).toBe(0)
    await shot('20-home-first-page')

    // The page scrolls inside Taro's page element: wheel over it, as a finger's scroll would.
    await page.mouse.move(195, 500)
    await page.mouse.wheel(0, 20_000)
    await card('〔2010〕第二十期').waitFor({ timeout: 10_000 })
    await card('〔2011〕第二十期').waitFor()
    expect(await page.locator('.issue-card').locator('visible=true').count()).toBe(12)
    // Newest first all the way down: the last card is the oldest issue.
    expect(await page.locator('.issue-card').locator('visible=true').last().innerText()).toContain('〔2010〕')
    await page.mouse.wheel(0, 20_000)
    await shot('21-home-older-issues')
  }, 60_000)

  it('shows an issue published while the page is open after a pull down', async () => {
    await importAndPublish(server.base, sampleAs(2023, 5))
    // A pull only refreshes from the very top: wait until the page has come to rest there. Wheel
    // scrolls are animated, and a scroll ends with a scrollend event (it does not bubble: capture).
    await page.evaluate(() => {
      const w = window as Window & { restingAtTop?: boolean }
      w.restingAtTop = false
      document.addEventListener(
        'scrollend',
        () => {
          w.restingAtTop = [...document.querySelectorAll('.taro_page')].every((el) => el.scrollTop === 0) && window.scrollY === 0
        },
        { capture: true },
      )
    })
    await page.mouse.wheel(0, -40_000)
    await page.waitForFunction(() => (window as Window & { restingAtTop?: boolean }).restingAtTop === true)
    expect(await card('〔2023〕').count()).toBe(0)

    await pullDown(page, 195, 200, 700)
    await card('〔2023〕第二十期').waitFor({ timeout: 10_000 })
    expect(await page.locator('.issue-card').locator('visible=true').first().innerText()).toContain('〔2023〕第二十期')
    await shot('22-home-after-pull-to-refresh')
  }, 60_000)
})
