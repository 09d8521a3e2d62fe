/**
 * Editors authenticate with `Authorization: Bearer $ADMIN_TOKEN`, compared in constant time (both
 * sides hashed first, so not even the length leaks). Without ADMIN_TOKEN the admin API is off.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { ApiError } from '../http/errors'
import { bearerToken } from './member-auth'

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

export function adminGuard(adminToken: string | null) {
  const expected = adminToken === null ? null : digest(adminToken)
  return async (request: FastifyRequest) => {
    if (expected === null) throw new ApiError(404, 'admin-disabled', 'The admin API is off on this server: set ADMIN_TOKEN to turn it on')
    const given = bearerToken(request)
    if (given === null) throw new ApiError(401, 'unauthorized', 'Send the editors\' token as Authorization: Bearer <ADMIN_TOKEN>')
    if (!timingSafeEqual(digest(given), expected)) throw new ApiError(403, 'forbidden', 'The admin token is wrong')
  }
}
