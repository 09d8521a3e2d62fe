/**
 * `npm run server` (and the second half of `npm start`): settings from the environment, the runtime
 * (storage in DATA_DIR or at DATABASE_URL, migrated; WeChat, or a local fake when
 * WECHAT_APPID/WECHAT_SECRET are unset), the server from the composition root (with the notification
 * worker in-process unless NOTIFY_WORKER=off, the H5 build at / when dist/h5 exists), seeded from
 * samples/ when empty. Stops cleanly on SIGTERM/SIGINT.
 */
import path from 'node:path'
import pino from 'pino'
import { loadSettingsOrExit } from './config'
import { openRuntime } from './runtime'
import { createServer } from './server'
import { seedFromSamples } from './seed'

const PROJECT_ROOT = path.resolve(__dirname, '../..')
/** Longest a SIGTERM waits for requests in flight before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 8000

async function main() {
  const settings = loadSettingsOrExit('server')
  const { config } = settings
  const logger = pino({ level: config.logLevel })
  const runtime = await openRuntime(config, logger)
  const server = await createServer({
    settings,
    storage: runtime.storage,
    wechat: runtime.wechat,
    sessionSecret: runtime.sessionSecret,
    logger,
    staticDir: path.join(PROJECT_ROOT, 'dist/h5'),
    consoleDir: path.join(PROJECT_ROOT, 'dist/console'),
  })
  const { storage, publishing } = server.backend

  const seeded = await seedFromSamples(storage, publishing, path.join(PROJECT_ROOT, 'samples'))
  for (const report of seeded ?? []) {
    if (report.ok) logger.info({ file: report.fileName, id: report.id, label: report.label }, 'seeded sample issue')
    else logger.warn({ file: report.fileName, errors: report.errors }, 'could not seed sample')
  }

  // A closed stdout (the terminal went away, a pipe's reader died) must not stop a shutdown:
  // writes to it are dropped instead of throwing or waiting.
  process.stdout.on('error', () => undefined)
  process.stderr.on('error', () => undefined)
  const log = (fn: () => void) => {
    try {
      fn()
    } catch {
      // logging is best effort while stopping
    }
  }
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    // Bounded: requests in flight get until then to finish, whatever the database or log do.
    setTimeout(() => process.exit(0), SHUTDOWN_TIMEOUT_MS).unref()
    log(() => logger.info({ signal }, 'shutting down'))
    await server.close().catch((err) => log(() => logger.error({ err }, 'closing the server failed')))
    await runtime.close().catch(() => undefined)
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  await server.app.listen({ port: config.port, host: config.host })
  const address = server.app.server.address()
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
