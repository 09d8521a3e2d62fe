/**
 * What an entry point opens before the composition root wires it: the storage named by the
 * configuration (migrated), WeChat (the real API, or a local fake when no credentials are set) and
 * the session secret. Kept apart from server.ts so tests build the same server on their own storage.
 */
import type pino from 'pino'
import type { Config } from './config'
import { openStorage } from './storage/open'
import type { Storage } from './storage/storage'
import { resolveSessionSecret } from './session-secret'
import { createWechatClient } from './wechat/client'
import type { WechatApi } from './wechat/api'
import { startFakeWechat, type FakeWechat } from './wechat/fake-server'
import { createDbTokenCache } from './notifications'

export interface Runtime {
  storage: Storage
  wechat: WechatApi
  sessionSecret: string
  /** Closes the fake WeChat, if one was started (storage is closed by the server). */
  close(): Promise<void>
}

/** WeChat as configured; without WECHAT_APPID/WECHAT_SECRET a local fake, said once in the log. */
async function openWechat(config: Config, storage: Storage, logger: pino.Logger): Promise<{ wechat: WechatApi; fake: FakeWechat | null }> {
  const { apiBase, appid, secret } = config.wechat
  const tokenCache = createDbTokenCache(storage.notifications)
  if (appid && secret) return { wechat: createWechatClient({ baseUrl: apiBase, appid, secret, tokenCache, logger }), fake: null }
  const fake = await startFakeWechat()
  logger.warn({ baseUrl: fake.baseUrl }, 'WECHAT_APPID/WECHAT_SECRET not set: using a local fake WeChat server (mini-program sign-in will not work; H5 device sign-in does)')
  return { wechat: createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, tokenCache, logger }), fake }
}

export async function openRuntime(config: Config, logger: pino.Logger): Promise<Runtime> {
  const storage = await openStorage(config)
  const session = resolveSessionSecret(config.sessionSecret, config.dataDir)
  if (session.source === 'generated') logger.info({ file: session.file }, 'SESSION_SECRET not set: generated one and saved it')
  const { wechat, fake } = await openWechat(config, storage, logger)
  return { storage, wechat, sessionSecret: session.secret, close: async () => fake?.close() }
}
