/**
 * Editors authenticate with `Authorization: Bearer $ADMIN_TOKEN`, compared in constant time (both
 * sides hashed first, so not even the length leaks). Without ADMIN_TOKEN the admin API is off.
 * Wrong tokens are counted per client address: past `failuresPerMinute` in a minute, that address
 * gets 429 without its token being looked at, so the token cannot be guessed at network speed.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { ApiError } from '../http/errors'
import { bearerToken } from './member-auth'

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
const WINDOW_MS = 60_000
/** Bound on the addresses remembered at once; a flood of new addresses only restarts the count. */
const MAX_ADDRESSES = 10_000

export type AdminGuard = (request: FastifyRequest) => Promise<void>

export interface AdminGuardOptions {
  adminToken: string | null
  failuresPerMinute: number
  clock?: () => number
}

export function createAdminGuard({ adminToken, failuresPerMinute, clock = Date.now }: AdminGuardOptions): AdminGuard {
  const expected = adminToken === null ? null : digest(adminToken)
  const failures = new Map<string, { count: number; since: number }>()

  const failed = (address: string) => {
    const now = clock()
    const entry = failures.get(address)
    if (!entry || now - entry.since >= WINDOW_MS) {
      if (failures.size >= MAX_ADDRESSES) failures.clear()
      failures.set(address, { count: 1, since: now })
    } else entry.count++
  }
  const blocked = (address: string) => {
    const entry = failures.get(address)
    return entry !== undefined && clock() - entry.since < WINDOW_MS && entry.count >= failuresPerMinute
  }

  return async (request) => {
    if (expected === null) throw new ApiError(404, 'admin-disabled', 'The admin API is off on this server: set ADMIN_TOKEN to turn it on')
    if (blocked(request.ip)) throw new ApiError(429, 'rate-limited', 'Too many wrong admin tokens from this address: try again in a minute')
    const given = bearerToken(request)
    if (given === null) throw new ApiError(401, 'unauthorized', "Send the editors' token as Authorization: Bearer <ADMIN_TOKEN>")
    if (!timingSafeEqual(digest(given), expected)) {
      failed(request.ip)
      throw new ApiError(403, 'forbidden', 'The admin token is wrong')
    }
  }
}
