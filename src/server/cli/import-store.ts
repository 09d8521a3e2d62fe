/**
 * The storage side of `npm run import` (loaded only when something is stored, so --dry-run never
 * opens storage): the server's storage and notification settings, storeDrafts on that storage with
 * the server's publishing hooks, and, for --publish, a notification worker of its own while the
 * CLI watches the fan-out. Claims are exclusive (notifications/claims.ts), so this worker may run
 * beside the server's; what it leaves queued (Ctrl-C) the server's worker sends later.
 *
 * Without WECHAT_APPID/WECHAT_SECRET the server sends through a local fake WeChat inside its own
 * process, which knows its members' openids. A fake started here would know none and answer 40003
 * to every send, failing the deliveries for good; so, like `npm run worker`, the CLI then sends
 * nothing and leaves the deliveries queued for the server's worker.
 */
import { loadConfig } from '../config'
import { openStorage } from '../storage/open'
import type { Storage } from '../storage/storage'
import { createPublishingHooks } from '../publishing-hooks'
import { createWechatClient } from '../wechat/client'
import {
  createDbTokenCache, loadNotificationConfig, startNotificationWorker, watchFanOut,
  type DeliveryCounts, type NotificationConfig, type NotificationWorker, type WorkerLogger,
} from '../notifications'
import { storeDrafts, type DraftInput, type StoredDraftReport } from './store-drafts'

export type FanOutWatch =
  | { kind: 'nothing'; reason: string }
  | { kind: 'watched'; counts: DeliveryCounts; how: 'done' | 'interrupted' }

export interface ImportStore {
  store(inputs: DraftInput[], opts: { publish: boolean; replace: boolean }): Promise<StoredDraftReport[]>
  /** Follows a just-published issue's deliveries until none is queued or `signal` aborts. */
  watchFanOut(issueId: number, onProgress: (counts: DeliveryCounts) => void, signal?: AbortSignal): Promise<FanOutWatch>
  close(): Promise<void>
}

export interface ImportStoreOptions {
  env?: Record<string, string | undefined>
  /** Worker and WeChat client warnings, as plain sentences. */
  warn(text: string): void
  /** How often the fan-out counts are read (default 200 ms). */
  watchIntervalMs?: number
}

/** Throws (ConfigError, NotificationConfigError, storage errors) when the configuration is unusable. */
export async function openImportStore(opts: ImportStoreOptions): Promise<ImportStore> {
  const env = opts.env ?? process.env
  const config = loadConfig(env)
  const notify = loadNotificationConfig(env)
  const storage = await openStorage(config)
  const logger = plainLogger(opts.warn)
  const { apiBase, appid, secret } = config.wechat
  let worker: NotificationWorker | null = null

  const startWorker = (credentials: { appid: string; secret: string }): NotificationWorker => {
    if (worker) return worker
    const wechat = createWechatClient({ baseUrl: apiBase, ...credentials, tokenCache: createDbTokenCache(storage.notifications), logger })
    worker = startNotificationWorker({ notifications: storage.notifications, wechat, config: notify, logger })
    return worker
  }

  return {
    async store(inputs, { publish, replace }) {
      const onPublish = publish ? createPublishingHooks(notify).onPublish : undefined
      return storeDrafts(inputs, { storage, publish, replace, onPublish })
    },
    async watchFanOut(issueId, onProgress, signal) {
      const nothing = nothingToSend(notify)
      if (nothing) return { kind: 'nothing', reason: nothing }
      const first = await storage.notifications.deliveryCounts(issueId)
      if (first.total === 0) return { kind: 'nothing', reason: 'no member holds a subscription credit, nothing to send' }
      if (!appid || !secret) {
        return {
          kind: 'nothing',
          reason: `${first.queued} notification(s) queued; WECHAT_APPID/WECHAT_SECRET are not set, so this command cannot send them: the server's worker will (through its local fake WeChat)`,
        }
      }
      const running = startWorker({ appid, secret })
      running.nudge()
      const counts = await watchFanOut(storage.notifications, issueId, onProgress, { intervalMs: opts.watchIntervalMs ?? 200, signal })
      if (counts.queued + counts.sending === 0) return { kind: 'watched', counts, how: 'done' }
      // Interrupted: let the sends in flight finish and be recorded, then report what is left.
      await running.stop()
      return { kind: 'watched', counts: await storage.notifications.deliveryCounts(issueId), how: 'interrupted' }
    },
    async close() {
      await worker?.stop()
      await storage.close()
    },
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

export type { Storage }
