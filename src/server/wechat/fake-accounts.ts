/**
 * What the fake WeChat remembers: login codes, access tokens and subscribe credits. Every operation
 * is O(1) (maps keyed by code, token and openid+template) so a 100,000-message benchmark is not
 * slowed down by the fake.
 */
import { randomBytes } from 'node:crypto'

export const LOGIN_CODE_TTL_MS = 5 * 60 * 1000

interface LoginCode {
  openid: string
  unionid?: string
  expiresAt: number
  used: boolean
}

export interface IssuedToken {
  token: string
  expiresAt: number
}

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'expired'

const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url')

export function createFakeAccounts(tokenTtlSeconds: number, now: () => number = Date.now) {
  const codes = new Map<string, LoginCode>()
  const tokens = new Map<string, IssuedToken>()
  const credits = new Map<string, number>()
  const openids = new Set<string>()
  let current: IssuedToken | null = null
  const creditKey = (openid: string, templateId: string) => `${openid}\u0000${templateId}`

  // WeChat's normal mode hands out a new token once the current one has under five minutes left
  // (the old one stays valid until it expires); scaled down for the short lifetimes tests use.
  const renewWithinMs = Math.min(300_000, (tokenTtlSeconds * 1000) / 24)

  function issueToken(invalidatePrevious: boolean): IssuedToken {
    if (current && invalidatePrevious) tokens.delete(current.token)
    current = { token: randomToken(48), expiresAt: now() + tokenTtlSeconds * 1000 }
    tokens.set(current.token, current)
    return current
  }

  return {
    knowOpenid(openid: string) {
      openids.add(openid)
    },
    isKnownOpenid: (openid: string) => openids.has(openid),

    issueLoginCode(openid: string, unionid?: string): string {
      openids.add(openid)
      const code = randomToken(24)
      codes.set(code, { openid, unionid, expiresAt: now() + LOGIN_CODE_TTL_MS, used: false })
      return code
    },

    /** The code's owner, or null when unknown, already used or older than five minutes (40029). */
    redeemLoginCode(code: string): { openid: string; unionid?: string } | null {
      const entry = codes.get(code)
      if (!entry || entry.used || entry.expiresAt <= now()) return null
      entry.used = true
      return { openid: entry.openid, unionid: entry.unionid }
    },

    /**
     * stable_token: normal mode returns the live token until it is close to expiry, then a new one
     * (the old one keeps working until it expires); force mode issues a new one and invalidates the
     * old at once.
     */
    stableToken(force: boolean): IssuedToken {
      if (force) return issueToken(true)
      if (current && current.expiresAt - renewWithinMs > now()) return current
      return issueToken(false)
    },

    checkToken(token: string | undefined): TokenCheck {
      if (!token) return 'missing'
      const entry = tokens.get(token)
      if (!entry) return 'invalid'
      return entry.expiresAt > now() ? 'ok' : 'expired'
    },

    /** Every token issued so far answers 42001 from now on. */
    expireTokens() {
      const past = now() - 1
      for (const entry of tokens.values()) entry.expiresAt = past
    },

    grantSubscription(openid: string, templateId: string, count = 1) {
      openids.add(openid)
      const key = creditKey(openid, templateId)
      credits.set(key, (credits.get(key) ?? 0) + count)
    },

    creditsOf: (openid: string, templateId: string) => credits.get(creditKey(openid, templateId)) ?? 0,

    /** Takes one credit; false when the member holds none (43101). */
    consumeCredit(openid: string, templateId: string): boolean {
      const key = creditKey(openid, templateId)
      const left = credits.get(key) ?? 0
      if (left <= 0) return false
      if (left === 1) credits.delete(key)
      else credits.set(key, left - 1)
      return true
    },
  }
}

export type FakeAccounts = ReturnType<typeof createFakeAccounts>
