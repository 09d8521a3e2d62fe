/**
 * `npm run worker`: the notification worker as its own process, on the same database and WeChat
 * settings as the server (DATABASE_URL or DATA_DIR, WECHAT_API_BASE/APPID/SECRET) plus the
 * notification settings (see notifications/config.ts). Run the server with NOTIFY_WORKER=off when
 * you run this, or keep both: claims are exclusive, so they share the work safely.
 * SIGTERM/SIGINT: stops claiming, waits for sends in flight, records them, exits.
 */
import pino from 'pino'
import { openStorage } from './storage/open'
import { createWechatClient } from './wechat/client'
import { createDbTokenCache, loadNotificationConfig, migrateNotifications, startNotificationWorker } from './notifications'

function required(name: string): string {
  const value = process.env[name]
  if (!value || value.trim() === '') {
    process.stderr.write(`worker: ${name} is not set; the worker needs WECHAT_API_BASE, WECHAT_APPID and WECHAT_SECRET\n`)
    process.exit(1)
  }
  return value.trim()
}

async function main() {
  const logger = pino({ name: 'notify-worker', level: process.env.LOG_LEVEL ?? 'info' })
  let config
  try {
    config = loadNotificationConfig(process.env)
  } catch (err) {
    process.stderr.write(`worker: ${(err as Error).message}\n`)
    process.exit(1)
  }
  if (!config.templateId) {
    logger.warn('WECHAT_TEMPLATE_NEW_ISSUE is not set: subscribe messages are off, nothing to send')
    return
  }
  const baseUrl = required('WECHAT_API_BASE')
  const appid = required('WECHAT_APPID')
  const secret = required('WECHAT_SECRET')
  const databaseUrl = process.env.DATABASE_URL?.trim() || null
  const storage = await openStorage({ databaseUrl, dataDir: process.env.DATA_DIR?.trim() || './data' })
  await migrateNotifications(storage.db, storage.dialect)
  const wechat = createWechatClient({ baseUrl, appid, secret, tokenCache: createDbTokenCache(storage.db), logger })
  const worker = startNotificationWorker({ db: storage.db, dialect: storage.dialect, wechat, config, logger })

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping notification worker')
    await worker.stop()
    await storage.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((err) => {
  process.stderr.write(`worker: ${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
