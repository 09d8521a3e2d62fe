/**
 * The stable access token, kept the way WeChat asks: fetched from /cgi-bin/stable_token, cached
 * (shared through a TokenCache), refreshed a few minutes before it expires, fetched by one caller at
 * a time however many are waiting (single flight), and force-refreshed only when a call reports the
 * token bad, and then only if nobody (in this or another process) has replaced it already.
 */
import type { CachedToken, TokenCache } from './token-cache'
import type { WechatHttp } from './http'

export interface AccessTokens {
  /** A token believed valid. */
  current(): Promise<string>
  /** `bad` was refused (40001/42001/40014): a token other than `bad`, force-refreshing if needed. */
  replace(bad: string): Promise<string>
}

export interface AccessTokenOptions {
  http: WechatHttp
  appid: string
  secret: string
  cache: TokenCache
  /** Refresh this long before expiry. */
  refreshMarginMs: number
  onRefresh?: (force: boolean) => void
  now?: () => number
}

const QUIET_MS = 60_000

export function createAccessTokens(o: AccessTokenOptions): AccessTokens {
  const now = o.now ?? Date.now
  let memo: CachedToken | null = null
  let inflight: Promise<CachedToken> | null = null
  // When an early refresh brings back the token we already hold (WeChat renews only in a token's
  // last minutes), keep using it a while rather than asking again on every call.
  let quietUntil = 0
  // Not a type guard on purpose: a false answer says nothing about whether the token is null.
  const fresh = (t: CachedToken | null): boolean => t !== null && t.expiresAt - o.refreshMarginMs > now()

  function share(work: () => Promise<CachedToken>): Promise<CachedToken> {
    if (!inflight) {
      inflight = work().then(
        (token) => {
          memo = token
          inflight = null
          return token
        },
        (err) => {
          inflight = null
          throw err
        },
      )
    }
    return inflight
  }

  async function fetchToken(force: boolean): Promise<CachedToken> {
    o.onRefresh?.(force)
    const json = await o.http.postJson(
      'stable_token',
      '/cgi-bin/stable_token',
      {},
      {
        grant_type: 'client_credential',
        appid: o.appid,
        secret: o.secret,
        force_refresh: force,
      },
    )
    const token: CachedToken = {
      accessToken: String(json.access_token),
      expiresAt: now() + Number(json.expires_in ?? 7200) * 1000,
    }
    await o.cache.set(o.appid, token)
    return token
  }

  return {
    async current() {
      if (memo && fresh(memo)) return memo.accessToken
      if (memo && now() < quietUntil && memo.expiresAt > now()) return memo.accessToken
      const token = await share(async () => {
        const shared = await o.cache.get(o.appid)
        if (shared && fresh(shared)) return shared
        const held = memo?.accessToken ?? shared?.accessToken
        const fetched = await fetchToken(false)
        if (fetched.accessToken === held) quietUntil = now() + QUIET_MS
        return fetched
      })
      return token.accessToken
    },

    async replace(bad) {
      if (inflight) await inflight.catch(() => undefined)
      if (memo && fresh(memo) && memo.accessToken !== bad) return memo.accessToken
      const token = await share(async () => {
        const shared = await o.cache.get(o.appid)
        if (shared && fresh(shared) && shared.accessToken !== bad) return shared
        return fetchToken(true)
      })
      return token.accessToken
    },
  }
}
