/**
 * `npm run worker`: the notification worker as its own process, with the server's settings
 * (src/server/config.ts). Run the server with NOTIFY_WORKER=off when you run this, or keep both:
 * claims are exclusive, so they share the work safely.
 * SIGTERM/SIGINT: stops claiming, waits for the sends in flight, records them, exits 0.
 */
import pino from 'pino'
import { loadSettingsOrExit } from './config'
import { openStorage } from './storage/open'
import { createWechatClient } from './wechat/client'
import { createDbTokenCache } from './notifications'
import { createBackend } from './server'

async function main() {
  const settings = loadSettingsOrExit('worker')
  const { config, notify } = settings
  const logger = pino({ name: 'notify-worker', level: config.logLevel })
  if (!notify.templateId) {
    logger.warn('WECHAT_TEMPLATE_NEW_ISSUE is not set: subscribe messages are off, nothing to send')
    return
  }
  const { apiBase, appid, secret } = config.wechat
  if (!appid || !secret) {
    // The server falls back to an in-process fake WeChat; a separate worker cannot reach that one.
    process.stderr.write('worker: WECHAT_APPID and WECHAT_SECRET must be set for `npm run worker` (without them the server sends from its own process)\n')
    process.exit(1)
  }
  const storage = await openStorage(config)
  const wechat = createWechatClient({ baseUrl: apiBase, appid, secret, tokenCache: createDbTokenCache(storage.notifications), logger })
  const backend = createBackend({ settings, storage, wechat, logger })
  backend.startWorker()

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping notification worker')
    await backend.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((err) => {
  process.stderr.write(`worker: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
