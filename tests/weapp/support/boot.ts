/** Runs boot-page.cjs (the built mini-program booted in Node) and returns what the page showed. */
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../client/support/server'

export const WEAPP = path.join(ROOT, 'dist/weapp')

/**
 * The API base the test build bakes in (package.json build:weapp:test): its origin is the request
 * and downloadFile 合法域名 the stand-in checks every URL against, as WeChat would.
 */
export const TEST_API_BASE = /TARO_APP_API_BASE=(\S+)/.exec(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['build:weapp:test'])![1]
export const TEST_DOMAINS = [new URL(TEST_API_BASE).origin]

export interface BootSpec {
  page: string
  query?: Record<string, string>
  api: string
  storage?: Record<string, string>
  /** Words to tap, in order; `image:PART` taps the picture whose src contains PART. */
  taps?: string[]
  /** Keep waiting until the page shows these words (up to 10 s). */
  waitFor?: string
  scene?: number
  /** WeChat's font-size setting in px (17 is standard). */
  fontSizeSetting?: number
  loginCode?: string
  subscribeAnswer?: Record<string, string>
  subscribeFail?: { errCode: number; errMsg: string }
  /** The WechatSI stand-in fails piece `at` with `retcode`. */
  ttsFail?: { at: number; retcode: number; msg?: string }
  /** The background audio manager fails audio `at` (0-based) with this error. */
  audioFail?: { at: number; errCode: number; errMsg: string }
  /** How many audios end by themselves (default: all). */
  audioPlays?: number
  /** The request/downloadFile domain list; the test build's domain unless given. */
  domains?: string[]
  platform?: 'ios' | 'android'
  /** getAppBaseInfo().fontSizeScaleFactor; from fontSizeSetting and the platform's standard unless given. */
  fontScale?: number
  /** Entries of the 用户隐私保护指引 ('album', 'clipboard'); ['album'] unless given. */
  privacyDeclared?: string[]
  /** The member agreed to the privacy guide before. */
  privacyAgreed?: boolean
  /** What the member answers when asked for the album: allow unless 'deny'. */
  albumAnswer?: 'allow' | 'deny'
  authSetting?: Record<string, boolean>
  /** In WeChat's settings page (button open-type="openSetting") the member turns the album on. */
  settingsAllow?: boolean
  /** Refusals (URLs outside the domain list, barred APIs) are what the test looks at: do not reject. */
  expectRefusals?: boolean
}

export interface BootResult {
  texts: string[]
  /** Every class attribute in the rendered tree. */
  classes: string[]
  /** Every image address (src) in the rendered tree. */
  images: string[]
  storage: Record<string, string>
  navigations: string[]
  requests: string[]
  errors: string[]
  share: { appMessage: { title: string; path: string; imageUrl?: string } | null; timeline: { title: string; query: string; imageUrl?: string } | null }
  pageJson: Record<string, unknown>
  subscribeCalls: Array<{ tmplIds: string[] }>
  toasts: string[]
  ttsCalls: Array<{ lang: string; tts: boolean; content: string }>
  audioEvents: Array<{ src: string; title: string; playbackRate: number }>
  /** Every wx API called, in order. */
  calls: string[]
  /** What WeChat would have refused. */
  refused: string[]
  savedImages: Array<{ bytes: number }>
  /** Each wx.previewImage call (tap to enlarge). */
  previews: Array<{ current: string; urls: string[] }>
  /** APIs that asked the app's onNeedPrivacyAuthorization listener. */
  privacyPrompts: string[]
  authSetting: Record<string, boolean>
  fatal?: string
}

export function boot(spec: BootSpec): Promise<BootResult> {
  return new Promise((resolve, reject) => {
    const full = { domains: TEST_DOMAINS, ...spec }
    execFile(process.execPath, [path.join(__dirname, 'boot-page.cjs'), JSON.stringify(full)], { cwd: ROOT, timeout: 30_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? ''
      try {
        const result = JSON.parse(line) as BootResult
        if (result.fatal) return reject(new Error(`booting ${spec.page} failed: ${result.fatal}`))
        // A page that threw while rendering shows less than it should: never a pass.
        if (result.errors.length) return reject(new Error(`${spec.page} threw:\n${result.errors.join('\n')}`))
        // What WeChat would refuse on a phone is never a pass either, unless it is what the test is about.
        if (result.refused.length && !spec.expectRefusals) return reject(new Error(`${spec.page}: WeChat would refuse\n${result.refused.join('\n')}`))
        resolve(result)
      } catch {
        reject(new Error(`booting ${spec.page} printed no result (${error?.message ?? ''}):\n${stdout}\n${stderr}`))
      }
    })
  })
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (full === path.join(ROOT, 'src/server')) continue
      newest = Math.max(newest, newestMtime(full))
    } else newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

/**
 * dist/weapp must exist (npm test builds it first). If the client sources are newer than the
 * build, rebuild it here so the suite never tests stale code.
 */
export function ensureWeappBuild(): void {
  const app = path.join(WEAPP, 'app.js')
  const lock = path.join(ROOT, 'dist/.weapp-build-lock')
  // Another suite may be rebuilding right now (the build empties dist/weapp first): wait for it.
  for (const until = Date.now() + 180_000; existsSync(lock) && Date.now() < until;) sleep(500)
  if (!existsSync(app)) {
    throw new Error('dist/weapp is missing: run `npm run build:weapp:test` first (npm test builds both clients before jest)')
  }
  const stale = () => Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'config'))) > statSync(app).mtimeMs
  if (!stale()) return
  // Suites run in parallel: one builds, the others wait for it (a lock directory), then look again.
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`waited 3 minutes for another weapp build (remove ${lock} if none runs)`)
      sleep(500)
    }
  }
  try {
    if (!stale()) return
    try {
      execFileSync('npm', ['run', '--silent', 'build:weapp:test'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 })
    } catch (error) {
      const out = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '')
      throw new Error(`dist/weapp is older than the sources and rebuilding it failed:\n${out.slice(-3000)}`)
    }
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
