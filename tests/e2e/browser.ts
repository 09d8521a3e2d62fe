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

/**
 * Resolves once the screen stands still: no finite animation or transition running (Taro's H5
 * router slides pages in and out by CSS transitions) and no page waiting beside the screen for its
 * slide, the pages' places and every scroll position the same over three frames (a smooth scroll is
 * no animation), the pictures on screen and the fonts loaded. Gives up after `ms`, resolving false:
 * a picture of a moving screen is still a picture, and nothing is asserted on it.
 */
export async function untilStill(page: Page, ms = 3000): Promise<boolean> {
  // With scripts off (a context made with javaScriptEnabled: false) no frame callback ever runs, and
  // nothing on the server's page moves: picture it at once.
  const framesRun = await Promise.race([
    page.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true)))),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 250)),
  ])
  if (!framesRun) return true
  await page.evaluate(() => ((window as unknown as { stillFrames: unknown[] }).stillFrames = []))
  return page
    .waitForFunction(
      () => {
        const moving = document.getAnimations().some((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? 0))
        const onScreen = (e: Element) => {
          const r = e.getBoundingClientRect()
          return r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
        }
        const loading = [...document.images].some((i) => onScreen(i) && !i.complete) || document.fonts.status !== 'loaded'
        const shown = [...document.querySelectorAll('.taro_page')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0)
        // A page waiting beside the screen for its slide to start counts as moving.
        const aside = shown.some((r) => Math.abs(r.left) > 1)
        const pages = shown.map((r) => `${r.left},${r.top},${r.width},${r.height}`)
        const scrolls = [...document.querySelectorAll('*')].filter((e) => e.scrollLeft || e.scrollTop).map((e) => `${e.scrollLeft},${e.scrollTop}`)
        const frame = moving || aside || loading ? null : [scrollX, scrollY, ...pages, ...scrolls].join('|')
        // Called once a frame (polling: 'raf'): still when the last three frames are alike.
        const frames = (window as unknown as { stillFrames: Array<string | null> }).stillFrames
        frames.push(frame)
        const last = frames.slice(-3)
        return last.length === 3 && last[0] !== null && last.every((f) => f === last[0])
      },
      undefined,
      { timeout: ms, polling: 'raf' },
    )
    .then(() => true)
    .catch(() => false)
}

/** Pictures the screen once it stands still (see untilStill), in tests/artifacts/e2e/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await untilStill(page)
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
