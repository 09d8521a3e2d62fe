/**
 * Preview tokens: let the H5 reader show one draft issue to whoever holds the link, for an hour.
 * `p1.<issueId>.<expiry epoch s>.<hmac>`, HMAC-SHA256 with the server's session secret under a key
 * of its own ("preview:"), so a member's session token can never pass for one. Stateless: every
 * server process sharing the secret accepts them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const PREVIEW_MINUTES = 60

const sign = (secret: string, payload: string) => createHmac('sha256', `preview:${secret}`).update(payload).digest('base64url')

export function issuePreviewToken(secret: string, issueId: number, now = Date.now()): { token: string; expiresAt: string } {
  const expires = Math.floor(now / 1000) + PREVIEW_MINUTES * 60
  const payload = `${issueId}.${expires}`
  return { token: `p1.${payload}.${sign(secret, payload)}`, expiresAt: new Date(expires * 1000).toISOString() }
}

/** The issue id a valid, unexpired token names; null otherwise (never throws). */
export function verifyPreviewToken(secret: string, token: string | undefined, now = Date.now()): number | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const parts = token.split('.')
  if (parts.length !== 4 || parts[0] !== 'p1' || !/^\d{1,15}$/.test(parts[1]) || !/^\d{1,12}$/.test(parts[2])) return null
  const payload = `${parts[1]}.${parts[2]}`
  const expected = Buffer.from(sign(secret, payload))
  const given = Buffer.from(parts[3])
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  if (Number(parts[2]) * 1000 <= now) return null
  return Number(parts[1])
}
