/**
 * `npm run server` (and the second half of `npm start`): configuration from the environment, storage
 * (SQLite in DATA_DIR or PostgreSQL at DATABASE_URL) migrated, seeded from samples/ when empty, WeChat
 * (the real API, or a local fake when WECHAT_APPID/WECHAT_SECRET are unset), the notification worker
 * in-process (unless NOTIFY_WORKER=off), the H5 build at / when dist/h5 exists. Stops cleanly on
 * SIGTERM/SIGINT.
 */
import path from 'node:path'
import pino from 'pino'
import type { Config } from './config'
import { loadSettingsOrExit } from './settings'
import { openStorage } from './storage/open'
import { resolveSessionSecret } from './session-secret'
import { seedFromSamples } from './seed'
import { createApp } from './app'
import { createPublishingHooks } from './publishing-hooks'
import { importDocument } from './import/document'
import { createWechatClient } from './wechat/client'
import { startFakeWechat, type FakeWechat } from './wechat/fake-server'
import { cardRoutes } from './routes/cards'
import { createNotificationRoutes } from './routes/notifications'
import { createDbTokenCache, startNotificationWorker, type NotificationWorker } from './notifications'

const PROJECT_ROOT = path.resolve(__dirname, '../..')

async function wechatSettings(config: Config, logger: pino.Logger): Promise<{ baseUrl: string; appid: string; secret: string; fake: FakeWechat | null }> {
  const { apiBase, appid, secret } = config.wechat
  if (appid && secret) return { baseUrl: apiBase, appid, secret, fake: null }
  const fake = await startFakeWechat()
  logger.warn({ baseUrl: fake.baseUrl }, 'WECHAT_APPID/WECHAT_SECRET not set: using a local fake WeChat server (mini-program sign-in will not work; H5 device sign-in does)')
  return { baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, fake }
}

async function main() {
  const { config, notify } = loadSettingsOrExit('server')
  const logger = pino({ level: config.logLevel })
  const storage = await openStorage(config)
  const session = resolveSessionSecret(config.sessionSecret, config.dataDir)
  if (session.source === 'generated') logger.info({ file: session.file }, 'SESSION_SECRET not set: generated one and saved it')

  const seeded = await seedFromSamples(storage, path.join(PROJECT_ROOT, 'samples'), importDocument)
  if (seeded) {
    for (const report of seeded) {
      if (report.ok) logger.info({ file: report.fileName, id: report.id, label: report.label }, 'seeded sample issue')
      else logger.warn({ file: report.fileName, errors: report.errors }, 'could not seed sample')
    }
  }

  const wx = await wechatSettings(config, logger)
  const wechat = createWechatClient({ baseUrl: wx.baseUrl, appid: wx.appid, secret: wx.secret, tokenCache: createDbTokenCache(storage.notifications), logger })
  let worker: NotificationWorker | null = null
  if (notify.templateId && notify.workerInServer) {
    worker = startNotificationWorker({ notifications: storage.notifications, wechat, config: notify, logger })
  }
  const hooks = createPublishingHooks(notify, () => worker?.nudge())

  const app = await createApp({
    config: {
      adminToken: config.adminToken,
      sessionSecret: session.secret,
      newIssueTemplateId: config.newIssueTemplateId,
      rateLimits: config.rateLimits,
      publishedRecheckMs: config.publishedRecheckMs,
      trustProxy: config.trustProxy,
      staticDir: path.join(PROJECT_ROOT, 'dist/h5'),
    },
    storage,
    wechat,
    logger,
    hooks,
    routePlugins: [
      async (api) => {
        await api.register(cardRoutes, { getArticle: (id) => storage.getArticle(id), getIssue: (id) => storage.getIssue(id), wechat })
      },
      createNotificationRoutes({ notifications: storage.notifications, templateId: notify.templateId, adminToken: config.adminToken, getIssue: (id) => storage.getIssue(id, { includeDrafts: true }) }),
    ],
  })

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    await app.close().catch((err) => logger.error({ err }, 'closing the HTTP server failed'))
    await worker?.stop().catch((err) => logger.error({ err }, 'stopping the notification worker failed'))
    await wx.fake?.close().catch(() => undefined)
    await storage.close().catch(() => undefined)
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${shownHost}:${port}/`
  logger.info({ url, database: storage.dialect, admin: config.adminToken ? 'on' : 'off' }, 'Union Bulletin server listening')
  process.stdout.write(`Union Bulletin is running at ${url} (API at ${url}api/, database: ${storage.dialect})\n`)
}

main().catch((error) => {
  process.stderr.write(`server: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
