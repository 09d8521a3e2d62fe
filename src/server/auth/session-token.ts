/**
 * Signed session tokens: `v1.<payload>.<hmac>` with payload {m: memberId, e: expiry (epoch s)},
 * HMAC-SHA256 with SESSION_SECRET. Stateless, so every server process accepts every other's tokens.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SESSION_DAYS = 30

export interface SessionToken {
  token: string
  memberId: number
  expiresAt: string
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

export function issueSessionToken(secret: string, memberId: number, now = Date.now()): SessionToken {
  const expires = Math.floor(now / 1000) + SESSION_DAYS * 24 * 3600
  const payload = Buffer.from(JSON.stringify({ m: memberId, e: expires })).toString('base64url')
  return { token: `v1.${payload}.${sign(secret, payload)}`, memberId, expiresAt: new Date(expires * 1000).toISOString() }
}

/** The member id in a valid, unexpired token; null otherwise (never throws). */
export function verifySessionToken(secret: string, token: string, now = Date.now()): number | null {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== 'v1') return null
  const [, payload, signature] = parts
  const expected = Buffer.from(sign(secret, payload))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const { m, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (!Number.isInteger(m) || !Number.isInteger(e) || e * 1000 <= now) return null
    return m
  } catch {
    return null
  }
}
