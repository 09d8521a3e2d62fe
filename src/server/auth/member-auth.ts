/**
 * `app.authenticateMember`: the preHandler for routes that need a signed-in member. It checks the
 * Bearer session token and sets `request.member`. Declared on the root instance so route plugins
 * registered later (notifications) can use it too.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Storage } from '../storage/storage'
import { ApiError } from '../http/errors'
import { verifySessionToken } from './session-token'

export interface AuthenticatedMember {
  id: number
  openid: string | null
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticateMember: (request: FastifyRequest) => Promise<void>
  }
  interface FastifyRequest {
    /** Set by app.authenticateMember; null on routes that do not use it. */
    member: AuthenticatedMember
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match ? match[1] : null
}

export function installMemberAuth(app: FastifyInstance, storage: Storage, sessionSecret: string): void {
  app.decorateRequest('member', null as unknown as AuthenticatedMember)
  app.decorate('authenticateMember', async (request: FastifyRequest) => {
    const token = bearerToken(request)
    if (!token) throw new ApiError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <session token> from /api/auth/wechat or /api/auth/device')
    const memberId = verifySessionToken(sessionSecret, token)
    const member = memberId === null ? null : await storage.getMember(memberId)
    if (!member) throw new ApiError(401, 'invalid-session', 'The session token is invalid or has expired; sign in again')
    request.member = { id: member.id, openid: member.openid }
  })
}
