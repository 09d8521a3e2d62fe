/**
 * Builds the real app for a test: real storage (from a Backend), the real WeChat client talking to
 * the local fake WeChat server, the real importer. Everything is closed by `close()`.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { createApp, type AppConfig, type AppDeps } from '../../../src/server/app'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { createWechatClient } from '../../../src/server/wechat/client'
import type { Storage } from '../../../src/server/storage/storage'
import type { Backend } from './storages'
import { listen, request, type HttpAnswer, type HttpRequest } from './http'

export const ADMIN_TOKEN = 'test-admin-token-0123456789'

export interface TestApp {
  app: FastifyInstance
  storage: Storage
  fake: FakeWechat
  config: AppConfig
  /** A request to the app, listening on a loopback port. */
  inject(req: HttpRequest): Promise<HttpAnswer>
  close(): Promise<void>
}

export interface TestAppOptions {
  config?: Partial<AppConfig>
  routePlugins?: FastifyPluginAsync[]
  hooks?: AppDeps['hooks']
}

export async function buildTestApp(backend: Backend, opts: TestAppOptions = {}): Promise<TestApp> {
  const storage = await backend.open()
  const fake = await startFakeWechat()
  const wechat = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret })
  const config: AppConfig = {
    adminToken: ADMIN_TOKEN,
    sessionSecret: randomBytes(32).toString('hex'),
    newIssueTemplateId: null,
    rateLimits: { searchPerMinute: 100000, authPerMinute: 100000 },
    publishedRecheckMs: 0,
    ...opts.config,
  }
  const app = await createApp({ config, storage, wechat, routePlugins: opts.routePlugins, hooks: opts.hooks })
  const base = await listen(app)
  return {
    app,
    inject: (req) => request(base, req),
    storage,
    fake,
    config,
    async close() {
      await app.close()
      await storage.close()
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
