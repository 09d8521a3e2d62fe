/**
 * The WeChat access token kept in the database (table notify_access_tokens), so the server and any
 * `npm run worker` processes share one token: WeChat invalidates the previous token when anyone
 * force-refreshes, so per-process caches would knock each other out.
 */
import type { Kysely } from 'kysely'
import type { CachedToken, TokenCache } from '../wechat/token-cache'

export function createDbTokenCache(db: Kysely<any>): TokenCache {
  return {
    async get(appid) {
      const row = await db.selectFrom('notify_access_tokens').select(['token', 'expires_at'])
        .where('cache_key', '=', appid).executeTakeFirst()
      return row ? { accessToken: row.token, expiresAt: Number(row.expires_at) } : null
    },
    async set(appid, token: CachedToken) {
      const now = Date.now()
      await db.insertInto('notify_access_tokens')
        .values({ cache_key: appid, token: token.accessToken, expires_at: token.expiresAt, updated_at: now })
        .onConflict((oc) => oc.column('cache_key').doUpdateSet({ token: token.accessToken, expires_at: token.expiresAt, updated_at: now }))
        .execute()
    },
  }
}
