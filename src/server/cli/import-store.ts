/**
 * The storage side of `npm run import` (loaded only when something is stored, so --dry-run never
 * opens storage): the server's settings, storage and publishing service from the composition root,
 * and, for --publish, a notification worker of its own while the CLI watches the fan-out. Claims are
 * exclusive (storage/notifications/claims.ts), so this worker may run beside the server's; what it leaves
 * queued (Ctrl-C) the server's worker sends later.
 *
 * Without WECHAT_APPID/WECHAT_SECRET the server sends through a local fake WeChat inside its own
 * process, which knows its members' openids. A fake started here would know none and answer 40003
 * to every send, failing the deliveries for good; so, like `npm run worker`, the CLI then sends
 * nothing and leaves the deliveries queued for the server's worker.
 */
import { loadSettings, type Env, type NotificationConfig } from '../config'
import { openStorage } from '../storage/open'
import { createWechatClient } from '../wechat/client'
import { createDbTokenCache, watchFanOut, type DeliveryCounts, type WorkerLogger } from '../notifications'
import type { DocumentImport } from '../import/media'
import type { StoreReport } from '../services/publishing'
import { createBackend } from '../server'

export type FanOutWatch = { kind: 'nothing'; reason: string } | { kind: 'watched'; counts: DeliveryCounts; how: 'done' | 'interrupted' }

export interface ImportStore {
  store(inputs: Array<{ fileName: string; result: DocumentImport }>, opts: { publish: boolean; replace: boolean }): Promise<StoreReport[]>
  /** Follows a just-published issue's deliveries until none is queued or `signal` aborts. */
  watchFanOut(issueId: number, onProgress: (counts: DeliveryCounts) => void, signal?: AbortSignal): Promise<FanOutWatch>
  close(): Promise<void>
}

export interface ImportStoreOptions {
  env?: Env
  /** Worker and WeChat client warnings, as plain sentences. */
  warn(text: string): void
  /** How often the fan-out counts are read (default 200 ms). */
  watchIntervalMs?: number
}

/** Throws (ConfigError, storage errors) when the configuration is unusable. */
export async function openImportStore(opts: ImportStoreOptions): Promise<ImportStore> {
  const settings = loadSettings(opts.env)
  const { config, notify } = settings
  const storage = await openStorage(config)
  const logger = plainLogger(opts.warn)
  const { apiBase, appid, secret } = config.wechat
  const wechat = appid && secret ? createWechatClient({ baseUrl: apiBase, appid, secret, tokenCache: createDbTokenCache(storage.notifications), logger }) : null
  const backend = createBackend({ settings, storage, wechat, logger })

  return {
    store: (inputs, { publish, replace }) => backend.publishing.storeDocuments(inputs, { publish, replace }),
    async watchFanOut(issueId, onProgress, signal) {
      const nothing = nothingToSend(notify)
      if (nothing) return { kind: 'nothing', reason: nothing }
      const first = await storage.notifications.deliveryCounts(issueId)
      if (first.total === 0) return { kind: 'nothing', reason: 'no member holds a subscription credit, nothing to send' }
      if (!wechat) {
        return {
          kind: 'nothing',
          reason: `${first.queued} notification(s) queued; WECHAT_APPID/WECHAT_SECRET are not set, so this command cannot send them: the server's worker will (through its local fake WeChat)`,
        }
      }
      const running = backend.startWorker()
      running.nudge()
      const counts = await watchFanOut(storage.notifications, issueId, onProgress, { intervalMs: opts.watchIntervalMs ?? 200, signal })
      if (counts.queued + counts.sending === 0) return { kind: 'watched', counts, how: 'done' }
      // Interrupted: let the sends in flight finish and be recorded, then report what is left.
      await running.stop()
      return { kind: 'watched', counts: await storage.notifications.deliveryCounts(issueId), how: 'interrupted' }
    },
    close: () => backend.close(),
  }
}

function nothingToSend(notify: NotificationConfig): string | null {
  return notify.templateId ? null : 'WECHAT_TEMPLATE_NEW_ISSUE is not set, no notifications to send'
}

function plainLogger(warn: (text: string) => void): WorkerLogger {
  const say = (obj: object, msg?: string) => {
    const details = Object.entries(obj)
      .map(([k, v]) => [k, v instanceof Error ? v.message : v] as const)
      .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ')
    warn(`notifications: ${msg ?? ''}${details ? ` (${details})` : ''}`)
  }
  return { info: () => undefined, warn: say, error: say }
}
