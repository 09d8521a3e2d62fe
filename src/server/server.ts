/**
 * The one composition root. Everything the backend is made of is wired here, once: storage, the
 * publishing service, public reads and search with their caches, share cards, notifications and the
 * worker, and the HTTP app. `npm run server`, `npm run worker`, `npm run import` and the tests all
 * build through it, so tests run the production wiring (with their own storage and fake WeChat).
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import type { Settings } from './config'
import type { Storage } from './storage/storage'
import type { WechatApi } from './wechat/api'
import { importDocument } from './import/document'
import { createPublishedVersion } from './services/published-version'
import { createPublicReads, type PublicReads } from './services/public-reads'
import { createSearchService, type SearchService } from './services/search'
import { createCardService, type CardService } from './services/cards/index'
import { createPublishingService, type PublishingService, type ReadDocument } from './services/publishing'
import { createEditingService, type EditingService } from './services/editing'
import { createAuditService, type AuditService } from './services/audit'
import { createConsoleIssues, type ConsoleIssues } from './services/console-issues'
import { createEditorAccounts, type EditorAccounts } from './services/editor-accounts'
import { startNotificationWorker, type NotificationWorker, type WorkerLogger } from './notifications'
import { createApp } from './app'

export interface BackendDeps {
  settings: Settings
  storage: Storage
  /** null where nothing may call WeChat (the import CLI without credentials). */
  wechat: WechatApi | null
  logger?: WorkerLogger
  /** The importer; the real one unless a test reads documents another way. */
  readDocument?: ReadDocument
  /** Queries whose ranked results each process remembers per published version (default 100; 0 = off). */
  searchResultCache?: number
}

/** The application without HTTP: what the CLI and the worker process use. */
export interface Backend {
  settings: Settings
  storage: Storage
  publishing: PublishingService
  /** Check, fix and correct an issue from its kept source (the console's work). */
  editing: EditingService
  reads: PublicReads
  search: SearchService
  /** The editors' console: its audit log, and its issue work (publishing with roles' rules and the log). */
  audit: AuditService
  consoleIssues: ConsoleIssues
  /** The console's accounts (npm run editors). */
  editorAccounts: EditorAccounts
  /** Starts this process's notification worker (once; later calls return the same one). */
  startWorker(): NotificationWorker
  readonly worker: NotificationWorker | null
  /** Stops the worker and the search thread, then closes storage. */
  close(): Promise<void>
}

export function createBackend(deps: BackendDeps): Backend {
  const { settings, storage } = deps
  const version = createPublishedVersion(storage, settings.config.publishedRecheckMs)
  let worker: NotificationWorker | null = null
  const publishing = createPublishingService({
    storage,
    readDocument: deps.readDocument ?? importDocument,
    notify: settings.notify,
    onPublicChange: () => version.invalidate(),
    onPublished: () => worker?.nudge(),
  })
  const audit = createAuditService(storage)
  const search = createSearchService(storage, version, { resultCacheSize: deps.searchResultCache })
  return {
    settings,
    storage,
    publishing,
    editing: createEditingService({ storage, publishing }),
    audit,
    editorAccounts: createEditorAccounts(storage),
    consoleIssues: createConsoleIssues({ storage, publishing, audit, notify: settings.notify, requireSecondApprover: settings.config.console.requireSecondApprover }),
    reads: createPublicReads(storage, version),
    search,
    get worker() {
      return worker
    },
    startWorker() {
      if (!deps.wechat) throw new Error('the notification worker needs WeChat credentials')
      worker ??= startNotificationWorker({ notifications: storage.notifications, wechat: deps.wechat, config: settings.notify, logger: deps.logger })
      return worker
    },
    async close() {
      await worker?.stop()
      await search.close()
      await storage.close()
    },
  }
}

/** WECHAT_MINIPROGRAM_STATE names the build messages open; posters' codes open the same one. */
const POSTER_ENV_VERSION = { developer: 'develop', trial: 'trial', formal: 'release' } as const

export interface ServerDeps extends BackendDeps {
  wechat: WechatApi
  sessionSecret: string
  logger?: FastifyServerOptions['loggerInstance'] & WorkerLogger
  /** Folder of the built H5 client, served at / when present. */
  staticDir?: string | null
  /** Folder of the built editors' console (dist/console), served at /console. */
  consoleDir?: string | null
  /** Start the notification worker in this process (default: when a template is set and NOTIFY_WORKER is not off). */
  runWorker?: boolean
}

export interface Server {
  app: FastifyInstance
  backend: Backend
  cards: CardService
  /** Closes the HTTP server, stops the worker, closes storage. */
  close(): Promise<void>
}

export async function createServer(deps: ServerDeps): Promise<Server> {
  const backend = createBackend(deps)
  const { settings } = deps
  const cards = createCardService({ wechat: deps.wechat, fontPath: settings.cards.fontPath ?? undefined, envVersion: POSTER_ENV_VERSION[settings.notify.miniprogramState] })
  const app = await createApp({
    backend,
    cards,
    wechat: deps.wechat,
    sessionSecret: deps.sessionSecret,
    logger: deps.logger,
    staticDir: deps.staticDir ?? null,
    consoleDir: deps.consoleDir ?? null,
  })
  if (deps.runWorker ?? (settings.notify.templateId !== null && settings.notify.workerInServer)) backend.startWorker()
  return {
    app,
    backend,
    cards,
    async close() {
      await app.close()
      await backend.close()
    },
  }
}
