/**
 * The notification settings, read from the environment once and validated: a bad value stops the
 * program with a message naming the variable (like the backend's own config).
 */
import { z } from 'zod'
import { parseFieldSpec, type FieldSpec } from './template-data'

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

export const DEFAULT_TEMPLATE_FIELDS = 'thing1=title,date2=date,thing3=label'

const int = (name: string, def: number, min: number, max: number) =>
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
  WECHAT_TEMPLATE_NEW_ISSUE: z.string().optional().transform((v) => (v && v.trim() !== '' ? v.trim() : null)),
  WECHAT_TEMPLATE_FIELDS: z.string().optional().transform((v, ctx) => {
    try {
      return parseFieldSpec(v && v.trim() !== '' ? v : DEFAULT_TEMPLATE_FIELDS)
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `WECHAT_TEMPLATE_FIELDS: ${(e as Error).message}` })
      return z.NEVER
    }
  }),
  WECHAT_SEND_RATE: int('WECHAT_SEND_RATE', 20, 0, 100_000),
  NOTIFY_CONCURRENCY: int('NOTIFY_CONCURRENCY', 16, 1, 512),
  NOTIFY_MAX_ATTEMPTS: int('NOTIFY_MAX_ATTEMPTS', 6, 1, 100),
  NOTIFY_RETRY_BASE_MS: int('NOTIFY_RETRY_BASE_MS', 30_000, 1, 86_400_000),
  NOTIFY_RETRY_MAX_MS: int('NOTIFY_RETRY_MAX_MS', 3_600_000, 1, 86_400_000),
  NOTIFY_LEASE_SECONDS: int('NOTIFY_LEASE_SECONDS', 120, 1, 86_400),
  NOTIFY_POLL_MS: int('NOTIFY_POLL_MS', 1000, 10, 600_000),
  NOTIFY_WORKER: z.enum(['on', 'off'], { message: 'NOTIFY_WORKER must be "on" or "off"' }).optional(),
  WECHAT_MINIPROGRAM_STATE: z
    .enum(['developer', 'trial', 'formal'], { message: 'WECHAT_MINIPROGRAM_STATE must be developer, trial or formal' })
    .optional(),
})

export class NotificationConfigError extends Error {
  readonly code = 'bad-config'
  constructor(readonly problems: string[]) {
    super(`Bad notification configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'NotificationConfigError'
  }
}

/** Reads the notification settings from `env` (process.env by default); throws NotificationConfigError naming each bad variable. */
export function loadNotificationConfig(env: Record<string, string | undefined> = process.env): NotificationConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new NotificationConfigError(parsed.error.issues.map((i) => (i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`)))
  }
  const e = parsed.data
  return {
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
}
