/**
 * Subscribing in H5, where WeChat's subscribe messages do not exist: the button (reached by Tab,
 * pressed with Enter) shows the mini-program's code and how to subscribe there; Escape or the 关闭
 * button closes it. At 390×844 and 320×568.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'
import { seriousViolations } from './a11y'

describeBrowser('H5 subscribe shows the mini-program code', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer({ WECHAT_TEMPLATE_NEW_ISSUE: 'template-new-issue' })
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it.each([
    [390, 844],
    [320, 568],
  ])(
    'opens from the keyboard, shows the code with how to subscribe, closes with Escape and 关闭 (%i×%i)',
    async (width, height) => {
      await page.setViewportSize({ width, height })
      await page.goto(server.base + '/')
      const button = page.getByRole('button', { name: '订阅新一期提醒' }).locator('visible=true')
      await button.waitFor()
      // Reached by Tab, as a keyboard user does (bounded: the home page has a few dozen controls).
      let focused = ''
      for (let i = 0; i < 60 && focused !== '订阅新一期提醒'; i++) {
        await page.keyboard.press('Tab')
        focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '')
      }
      expect(focused).toBe('订阅新一期提醒')
      await page.keyboard.press('Enter')

      const dialog = page.getByRole('dialog', { name: '在微信小程序里订阅' })
      await dialog.waitFor()
      const how = dialog.getByText('用微信扫码，打开小程序后点“订阅新一期”')
      await how.waitFor()
      // An instruction, not an article paragraph: its first line starts at the dialog's edge.
      expect(await how.evaluate((el) => getComputedStyle(el).textIndent)).toBe('0px')
      // The code itself, drawn: the server's PNG from WeChat's (here the local fake's) code API.
      await page.waitForFunction(() => {
        const img = document.querySelector('.subscribe-code img') as HTMLImageElement | null
        return !!img && img.complete && img.naturalWidth > 0
      })
      const src = await page.evaluate(() => (document.querySelector('.subscribe-code img') as HTMLImageElement).src)
      expect(new URL(src).pathname).toBe('/api/cards/home-code.png')
      const box = (await dialog.boundingBox())!
      expect(box.x >= 0 && box.x + box.width <= width && box.y >= 0 && box.y + box.height <= height).toBe(true)
      await screenshot(page, `80-subscribe-code-${width}`)
      // axe, with the dialog open: a named dialog, its code described, its button named.
      expect(await seriousViolations(page)).toEqual([])

      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      await button.click()
      await dialog.waitFor()
      await dialog.getByRole('button', { name: '关闭' }).click()
      await dialog.waitFor({ state: 'detached' })
    },
    60_000,
  )
})
