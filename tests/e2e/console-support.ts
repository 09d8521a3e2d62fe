/**
 * What the console's browser suites share: Chromium at an office desktop's 1366×768, editors'
 * accounts made with the real command (npm run editors), and members who subscribed to new-issue
 * messages through the real API against the local WeChat stand-in.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_PATH } from '../support/requirements'
import { ROOT } from '../client/support/server'
import type { FakeWechat } from '../../src/server/wechat/fake-server'
import { CHROMIUM_ARGS, SHOTS } from './browser'

export const TEMPLATE = 'TPL_NEW_ISSUE_CONSOLE'

export interface Desk {
  browser: Browser
  context: BrowserContext
  page: Page
}

/** Chromium with one 1366×768 desktop page, after checking the builds the server will serve exist. */
export async function launchDesk(): Promise<Desk> {
  for (const built of ['dist/console/index.html', 'dist/h5/index.html']) {
    if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build:console\` and \`npm run build:h5\` first (npm test does)`)
  }
  mkdirSync(SHOTS, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  return { browser, context, page: await context.newPage() }
}

/** A phone beside the desk: the member's H5 reader in its own context (its own storage). */
export async function phoneOf(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return context.newPage()
}

/** The console has no page transitions: a screenshot once the network is quiet. */
export async function deskShot(page: Page, name: string): Promise<string> {
  // The phone frame's reader keeps a connection open (its service worker), so the network may never go quiet: then shoot anyway.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
  const file = path.join(SHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/** `npm run --silent editors -- add NAME --role ROLE --password-stdin` on the server's data directory. */
export function addEditor(env: Record<string, string>, name: string, role: 'editor' | 'chief', password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'editors', '--', 'add', name, '--role', role, '--password-stdin'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`editors add ${name} exited ${code}:\n${output}`))))
    child.stdin.end(password + '\n')
  })
}

/**
 * Members who signed in on WeChat and accepted the new-issue message: `granted` of them are granted
 * on the stand-in's side too; the rest have no credit there, so WeChat refuses their message (43101).
 */
export async function subscribers(base: string, fake: FakeWechat, openids: string[], granted: number): Promise<void> {
  for (const [i, openid] of openids.entries()) {
    const signIn = await fetch(base + '/api/auth/wechat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: fake.issueLoginCode(openid) }),
    })
    if (!signIn.ok) throw new Error(`WeChat sign-in of ${openid} answered ${signIn.status}: ${await signIn.text()}`)
    const { token } = (await signIn.json()) as { token: string }
    const subscribe = await fetch(base + '/api/me/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ templateId: TEMPLATE, result: 'accept' }),
    })
    if (!subscribe.ok) throw new Error(`subscribing ${openid} answered ${subscribe.status}: ${await subscribe.text()}`)
    if (i < granted) fake.grantSubscription(openid, TEMPLATE)
  }
}
