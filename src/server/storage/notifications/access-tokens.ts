/**
 * The WeChat access token kept in the database (table notify_access_tokens), so the server and any
 * `npm run worker` processes share one token: WeChat invalidates the previous token when anyone
 * force-refreshes, so per-process caches would knock each other out.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../schema'
import type { StoredAccessToken } from './types'

export async function readAccessToken(db: Kysely<Database>, cacheKey: string): Promise<StoredAccessToken | null> {
  const row = await db.selectFrom('notify_access_tokens').select(['token', 'expires_at']).where('cache_key', '=', cacheKey).executeTakeFirst()
  return row ? { accessToken: row.token, expiresAt: Number(row.expires_at) } : null
}

export async function saveAccessToken(db: Kysely<Database>, cacheKey: string, token: StoredAccessToken, now = Date.now()): Promise<void> {
  await db
    .insertInto('notify_access_tokens')
    .values({ cache_key: cacheKey, token: token.accessToken, expires_at: token.expiresAt, updated_at: now })
    .onConflict((oc) => oc.column('cache_key').doUpdateSet({ token: token.accessToken, expires_at: token.expiresAt, updated_at: now }))
    .execute()
}
