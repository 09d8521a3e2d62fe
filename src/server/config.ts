/**
 * Configuration: environment variables → a typed Config, validated once at start. A bad value stops
 * the server with a message naming the variable (see main.ts). Every variable has a safe default.
 */
import { z } from 'zod'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()))

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback)

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
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  RATE_LIMIT_SEARCH_PER_MINUTE: positiveInt(120, 1_000_000),
  RATE_LIMIT_AUTH_PER_MINUTE: positiveInt(20, 1_000_000),
  PUBLISHED_RECHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
})

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
  /** Behind a reverse proxy: take the client address (rate limits) from X-Forwarded-For. */
  trustProxy: boolean
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])] ?? '')}: ${issue.message}`))
  }
  const e = parsed.data
  if ((e.WECHAT_APPID === null) !== (e.WECHAT_SECRET === null)) {
    throw new ConfigError([`${e.WECHAT_APPID === null ? 'WECHAT_APPID' : 'WECHAT_SECRET'}: set both WECHAT_APPID and WECHAT_SECRET, or neither (then a local fake WeChat is used)`])
  }
  return {
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
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
  }
}
