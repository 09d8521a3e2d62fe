/**
 * The one configuration module: every environment variable the server, the worker and the CLI read
 * is parsed and validated here, once, by one schema (no `process.env` anywhere else in src/server).
 * A bad value stops the process with a line naming the variable (loadSettingsOrExit); every variable
 * has a safe default. The README's configuration table lists them.
 */
import { z } from 'zod'
import { parseFieldSpec, type FieldSpec } from './notifications/template-data'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export const DEFAULT_TEMPLATE_FIELDS = 'thing1=title,date2=date,thing3=label'

export type Env = Record<string, string | undefined>

/** The server's own settings (HTTP, storage, WeChat credentials, limits). */
export interface Config {
  port: number
  host: string
  dataDir: string
  /** null → SQLite file DATA_DIR/bulletin.db */
  databaseUrl: string | null
  /** null → admin API off */
  adminToken: string | null
  /** null → generated once and kept in DATA_DIR/session-secret */
  sessionSecret: string | null
  wechat: { apiBase: string; appid: string | null; secret: string | null }
  newIssueTemplateId: string | null
  logLevel: (typeof LOG_LEVELS)[number]
  rateLimits: { searchPerMinute: number; authPerMinute: number }
  /** How long a process trusts its caches of published content before asking the database again. */
  publishedRecheckMs: number
  /**
   * Behind reverse proxies you run: false (default, X-Forwarded-For ignored), the number of proxies
   * in front of the server (hops counted from the right of X-Forwarded-For), or the proxies' own
   * addresses/CIDRs. Never "trust everything": the left-most address is whatever the client wrote.
   */
  trustProxy: false | number | string[]
  console: ConsoleConfig
}

/** The editors' console. */
export interface ConsoleConfig {
  /** CONSOLE_SESSION_HOURS: how long a sign-in lasts. */
  sessionHours: number
  /** REQUIRE_SECOND_APPROVER: the editor who prepared an issue may not publish it. */
  requireSecondApprover: boolean
  /** CONSOLE_SIGNIN_FAILURES: wrong passwords per name in 15 minutes before it must wait (an address may make 4 times as many). */
  signInFailures: number
}

/** New-issue subscribe messages: what is enqueued at publish and how the worker sends it. */
export interface NotificationConfig {
  /** WECHAT_TEMPLATE_NEW_ISSUE; null = subscriptions disabled, nothing is enqueued or sent. */
  templateId: string | null
  /** WECHAT_TEMPLATE_FIELDS parsed: which keyword carries what. */
  fields: FieldSpec[]
  /** WECHAT_SEND_RATE: messages per second per worker process; 0 = no limit. */
  sendRate: number
  /** NOTIFY_CONCURRENCY: sends in flight at once per worker process. */
  concurrency: number
  /** NOTIFY_MAX_ATTEMPTS: tries for retryable errors (45009, -1, network) before giving up. */
  maxAttempts: number
  /** NOTIFY_RETRY_BASE_MS: first retry delay; doubles each attempt, capped at retryMaxMs. */
  retryBaseMs: number
  retryMaxMs: number
  /** NOTIFY_LEASE_SECONDS: how long a claimed delivery belongs to its worker before another may take it back. */
  leaseSeconds: number
  /** NOTIFY_POLL_MS: how often an idle worker looks for new deliveries. */
  pollMs: number
  /** NOTIFY_WORKER: 'off' keeps the worker out of the server process (run `npm run worker` instead). */
  workerInServer: boolean
  /** WECHAT_MINIPROGRAM_STATE: which build of the mini-program the message opens. */
  miniprogramState: 'developer' | 'trial' | 'formal'
}

export interface CardConfig {
  /** CARD_FONT: a .ttf/.otf/.woff file for share cards; null → the npm Noto Sans SC subsets. */
  fontPath: string | null
}

export interface PageConfig {
  /** PUBLIC_ORIGIN: https://bulletin.example.cn, for absolute links in pages' previews; null → relative. */
  publicOrigin: string | null
}

export interface Settings {
  config: Config
  notify: NotificationConfig
  cards: CardConfig
  pages: PageConfig
}

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()))

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback)

/** A whole number with its own message ("NAME must be a whole number from MIN to MAX, got …"). */
const wholeNumber = (name: string, def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return def
      const n = Number(v)
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}, got "${v}"` })
        return z.NEVER
      }
      return n
    })

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalText.refine((v) => v === null || /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql:// (leave it unset for SQLite)'),
  ADMIN_TOKEN: optionalText.refine((v) => v === null || v.length >= 16, 'must be at least 16 characters (or unset to turn the admin API off)'),
  SESSION_SECRET: optionalText.refine((v) => v === null || v.length >= 32, 'must be at least 32 characters (or unset to generate one in DATA_DIR)'),
  WECHAT_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.weixin.qq.com'),
  WECHAT_APPID: optionalText,
  WECHAT_SECRET: optionalText,
  WECHAT_TEMPLATE_NEW_ISSUE: optionalText,
  WECHAT_TEMPLATE_FIELDS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseFieldSpec(v && v.trim() !== '' ? v : DEFAULT_TEMPLATE_FIELDS)
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `WECHAT_TEMPLATE_FIELDS: ${(e as Error).message}` })
        return z.NEVER
      }
    }),
  WECHAT_SEND_RATE: wholeNumber('WECHAT_SEND_RATE', 20, 0, 100_000),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal'], { message: 'WECHAT_MINIPROGRAM_STATE must be developer, trial or formal' }).optional(),
  NOTIFY_CONCURRENCY: wholeNumber('NOTIFY_CONCURRENCY', 16, 1, 512),
  NOTIFY_MAX_ATTEMPTS: wholeNumber('NOTIFY_MAX_ATTEMPTS', 6, 1, 100),
  NOTIFY_RETRY_BASE_MS: wholeNumber('NOTIFY_RETRY_BASE_MS', 30_000, 1, 86_400_000),
  NOTIFY_RETRY_MAX_MS: wholeNumber('NOTIFY_RETRY_MAX_MS', 3_600_000, 1, 86_400_000),
  NOTIFY_LEASE_SECONDS: wholeNumber('NOTIFY_LEASE_SECONDS', 120, 1, 86_400),
  NOTIFY_POLL_MS: wholeNumber('NOTIFY_POLL_MS', 1000, 10, 600_000),
  NOTIFY_WORKER: z.enum(['on', 'off'], { message: 'NOTIFY_WORKER must be "on" or "off"' }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  RATE_LIMIT_SEARCH_PER_MINUTE: positiveInt(120, 1_000_000),
  RATE_LIMIT_AUTH_PER_MINUTE: positiveInt(20, 1_000_000),
  PUBLISHED_RECHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): false | number | string[] => {
      const value = (v ?? '').trim()
      if (value === '' || value === 'false' || value === '0') return false
      // "true" once meant "trust every hop"; it now means the one proxy in front of the server.
      if (value === 'true') return 1
      if (/^\d{1,2}$/.test(value)) return Number(value)
      const addresses = value.split(',').map((a) => a.trim())
      if (addresses.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a) && /[.:]/.test(a))) return addresses
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY must be false, the number of proxies in front of the server (1, 2 …), or their addresses (10.0.0.1,10.0.0.0/8), got "${value}"`,
      })
      return z.NEVER
    }),
  CONSOLE_SESSION_HOURS: wholeNumber('CONSOLE_SESSION_HOURS', 12, 1, 24 * 90),
  CONSOLE_SIGNIN_FAILURES: wholeNumber('CONSOLE_SIGNIN_FAILURES', 5, 1, 1000),
  REQUIRE_SECOND_APPROVER: z.enum(['true', 'false', ''], { message: 'REQUIRE_SECOND_APPROVER must be "true" or "false"' }).optional(),
  CARD_FONT: optionalText,
  PUBLIC_ORIGIN: optionalText.refine((v) => v === null || /^https?:\/\/[^/\s]+$/.test(v), 'must be an origin like https://bulletin.example.cn (no path, no trailing slash)'),
})

/** Every problem with the environment, each naming its variable. */
export class ConfigError extends Error {
  readonly code = 'bad-config'
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
  }
}

function describe(issue: z.core.$ZodIssue, env: Env): string {
  const name = String(issue.path[0])
  // Some checks already name their variable in their own words.
  if (issue.message.includes(name)) return issue.message
  return `${issue.path.join('.')}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`
}

export function loadSettings(env: Env = process.env): Settings {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => describe(issue, env)))
  const e = parsed.data
  if ((e.WECHAT_APPID === null) !== (e.WECHAT_SECRET === null)) {
    throw new ConfigError([`${e.WECHAT_APPID === null ? 'WECHAT_APPID' : 'WECHAT_SECRET'}: set both WECHAT_APPID and WECHAT_SECRET, or neither (then a local fake WeChat is used)`])
  }
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    adminToken: e.ADMIN_TOKEN,
    sessionSecret: e.SESSION_SECRET,
    wechat: { apiBase: e.WECHAT_API_BASE, appid: e.WECHAT_APPID, secret: e.WECHAT_SECRET },
    newIssueTemplateId: e.WECHAT_TEMPLATE_NEW_ISSUE,
    logLevel: e.LOG_LEVEL,
    rateLimits: { searchPerMinute: e.RATE_LIMIT_SEARCH_PER_MINUTE, authPerMinute: e.RATE_LIMIT_AUTH_PER_MINUTE },
    publishedRecheckMs: e.PUBLISHED_RECHECK_MS,
    trustProxy: e.TRUST_PROXY,
    console: { sessionHours: e.CONSOLE_SESSION_HOURS, requireSecondApprover: e.REQUIRE_SECOND_APPROVER === 'true', signInFailures: e.CONSOLE_SIGNIN_FAILURES },
  }
  const notify: NotificationConfig = {
    templateId: e.WECHAT_TEMPLATE_NEW_ISSUE,
    fields: e.WECHAT_TEMPLATE_FIELDS,
    sendRate: e.WECHAT_SEND_RATE,
    concurrency: e.NOTIFY_CONCURRENCY,
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
    retryMaxMs: e.NOTIFY_RETRY_MAX_MS,
    leaseSeconds: e.NOTIFY_LEASE_SECONDS,
    pollMs: e.NOTIFY_POLL_MS,
    workerInServer: e.NOTIFY_WORKER !== 'off',
    miniprogramState: e.WECHAT_MINIPROGRAM_STATE ?? 'formal',
  }
  return { config, notify, cards: { fontPath: e.CARD_FONT }, pages: { publicOrigin: e.PUBLIC_ORIGIN } }
}

/** The process environment, for entry points that pass it on (the one reader of process.env). */
export const processEnvironment = (): Env => process.env

/** The server's part of the settings. */
export const loadConfig = (env: Env = process.env): Config => loadSettings(env).config

/** The notification part of the settings. */
export const loadNotificationConfig = (env: Env = process.env): NotificationConfig => loadSettings(env).notify

/** For the entry points: the settings, or one plain message naming the variable and exit 1. */
export function loadSettingsOrExit(processName: string, env: Env = process.env): Settings {
  try {
    return loadSettings(env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`${processName}: ${error.message}\n`)
    process.exit(1)
  }
}
