/**
 * The WeChat client's token cache kept in the database (storage's notify_access_tokens), so the
 * server and any `npm run worker` processes share one token: WeChat invalidates the previous token
 * when anyone force-refreshes, so per-process caches would knock each other out.
 */
import type { NotificationStore } from '../storage/notifications/types'
import type { TokenCache } from '../wechat/token-cache'

export function createDbTokenCache(store: Pick<NotificationStore, 'readAccessToken' | 'saveAccessToken'>): TokenCache {
  return {
    get: (appid) => store.readAccessToken(appid),
    set: (appid, token) => store.saveAccessToken(appid, token),
  }
}
