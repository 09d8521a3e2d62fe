/**
 * What every browser suite shares: Chromium launched quietly (no sandbox in containers) at a phone's
 * size, screenshots in tests/artifacts/e2e/, and finger drags through the DevTools protocol.
 */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_PATH } from '../support/requirements'
import { ROOT } from '../client/support/server'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
export const SHOTS = path.join(ROOT, 'tests/artifacts/e2e')

export interface Phone {
  browser: Browser
  context: BrowserContext
  page: Page
}

/** Chromium with one 390×844 touch page, after checking the H5 build the server will serve exists. */
export async function launchPhone(): Promise<Phone> {
  if (!existsSync(path.join(ROOT, 'dist/h5/index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first (npm test does)')
  mkdirSync(SHOTS, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'zh-CN' })
  return { browser, context, page: await context.newPage() }
}

/** Pages slide in and out for ~300 ms in Taro's H5 router: picture the page once it stands still. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(800)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false })
}

/** A finger moving from one point to another in `steps` moves, `stepMs` apart. */
export async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps: number, stepMs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] })
  for (let i = 1; i <= steps; i++) {
    const point = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] })
    await page.waitForTimeout(stepMs)
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}
