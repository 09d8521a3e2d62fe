/**
 * Builds the server for a test through the production composition root (createServer): real storage
 * (from a Backend), the real WeChat client talking to the local fake WeChat server, the real
 * importer, cards and notification routes. Everything is closed by `close()`.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { StoredIssue } from '../../../src/core/bulletin'
import { loadSettings, type Config, type NotificationConfig, type Settings } from '../../../src/server/config'
import { createServer, type Server } from '../../../src/server/server'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { createWechatClient } from '../../../src/server/wechat/client'
import type { ReadDocument } from '../../../src/server/services/publishing'
import type { Storage } from '../../../src/server/storage/storage'
import type { Backend } from './storages'
import { listen, request, type HttpAnswer, type HttpRequest } from './http'

export const ADMIN_TOKEN = 'test-admin-token-0123456789'

export interface TestApp {
  app: FastifyInstance
  server: Server
  storage: Storage
  fake: FakeWechat
  config: Config
  /** A request to the app, listening on a loopback port. */
  inject(req: HttpRequest): Promise<HttpAnswer>
  close(): Promise<void>
}

export interface TestAppOptions {
  config?: Partial<Config>
  notify?: Partial<NotificationConfig>
  /** Extra routes under /api, beside the real ones (to provoke a failure, say). */
  routePlugins?: FastifyPluginAsync[]
  /** Runs inside every publish transaction, after the server's own work (a probe, or a failure to roll back). */
  hooks?: { onPublish?: (issue: StoredIssue) => Promise<void> }
  /** Run the notification worker in this server (default off: suites that send start it). */
  runWorker?: boolean
  /** Folder served at /console (default none: the "not built" page). */
  consoleDir?: string
  /** The importer the server calls (default the real one, importDocument, in its worker thread). */
  readDocument?: ReadDocument
}

/** The settings a test server runs with: the defaults, a known admin token, limits out of the way. */
export function testSettings(opts: Pick<TestAppOptions, 'config' | 'notify'> = {}): Settings {
  const defaults = loadSettings({})
  const config: Config = {
    ...defaults.config,
    adminToken: ADMIN_TOKEN,
    rateLimits: { searchPerMinute: 100000, authPerMinute: 100000 },
    publishedRecheckMs: 0,
    ...opts.config,
  }
  const notify = { ...defaults.notify, templateId: config.newIssueTemplateId, ...opts.notify }
  return { ...defaults, config, notify }
}

/** The storage, with a test's probe run inside each publish transaction. */
function probed(storage: Storage, onPublish?: (issue: StoredIssue) => Promise<void>): Storage {
  if (!onPublish) return storage
  return {
    ...storage,
    publishIssue: (id, opts) =>
      storage.publishIssue(id, {
        inTransaction: async (tx, issue) => {
          await opts?.inTransaction?.(tx, issue)
          await onPublish(issue)
        },
      }),
  }
}

export async function buildTestApp(backend: Backend, opts: TestAppOptions = {}): Promise<TestApp> {
  const storage = await backend.open()
  const fake = await startFakeWechat()
  const wechat = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret })
  const settings = testSettings(opts)
  const server = await createServer({
    settings,
    storage: probed(storage, opts.hooks?.onPublish),
    wechat,
    sessionSecret: randomBytes(32).toString('hex'),
    runWorker: opts.runWorker ?? false,
    consoleDir: opts.consoleDir ?? null,
    readDocument: opts.readDocument,
  })
  for (const plugin of opts.routePlugins ?? []) await server.app.register(plugin, { prefix: '/api' })
  const base = await listen(server.app)
  return {
    app: server.app,
    server,
    inject: (req) => request(base, req),
    storage,
    fake,
    config: settings.config,
    async close() {
      await server.close()
      await fake.close()
      await backend.cleanup()
    },
  }
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` }

/** Stores and publishes an issue directly (tests of reading need no importer). */
export async function publish(storage: Storage, issue: Parameters<Storage['saveDraft']>[0]) {
  const { issue: stored } = await storage.saveDraft(issue)
  return (await storage.publishIssue(stored.id))!.issue
}
