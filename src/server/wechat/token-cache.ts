/**
 * Where the WeChat client keeps its access token. WeChat wants one token shared by every process of
 * an app (each force refresh invalidates the others' token), so the cache is an interface: the
 * in-memory default serves one process; a database-backed one (notifications) serves several.
 */

export interface CachedToken {
  accessToken: string
  /** Epoch milliseconds when WeChat stops accepting it. */
  expiresAt: number
}

export interface TokenCache {
  get(appid: string): Promise<CachedToken | null>
  set(appid: string, token: CachedToken): Promise<void>
}

export function createMemoryTokenCache(): TokenCache {
  const tokens = new Map<string, CachedToken>()
  return {
    async get(appid) {
      return tokens.get(appid) ?? null
    },
    async set(appid, token) {
      tokens.set(appid, token)
    },
  }
}
