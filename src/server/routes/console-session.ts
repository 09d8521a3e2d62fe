/** The console's sign-in, session and sign-out (docs/console-api.md, "Session and roles"). */
import type { FastifyPluginAsync } from 'fastify'
import type { ConsoleError, ConsoleSession, SignInRequest } from '../../core/console'
import type { RouteDeps } from './deps'
import { ApiError } from '../http/errors'
import { noQuery } from '../http/schemas'

const signInBody = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
  required: ['name', 'password'],
  additionalProperties: false,
} as const

export const consoleSessionRoutes: FastifyPluginAsync<RouteDeps> = async (app, { consoleAuth, audit }) => {
  app.post<{ Body: SignInRequest }>(
    '/console/session',
    { schema: { summary: 'Sign in to the console', tags: ['console'], body: signInBody, querystring: noQuery } },
    async (request, reply) => {
      const outcome = await consoleAuth.signIn(request.body.name.trim(), request.body.password, request.ip)
      if (outcome.kind === 'wait') {
        const body: ConsoleError = {
          error: 'too-many-attempts',
          message: `尝试次数过多，请 ${Math.ceil(outcome.retryAfterSeconds / 60)} 分钟后再试`,
          retryAfterSeconds: outcome.retryAfterSeconds,
        }
        return reply.code(429).header('retry-after', String(outcome.retryAfterSeconds)).send(body)
      }
      if (outcome.kind === 'refused') throw new ApiError(401, 'sign-in-failed', '用户名或密码不正确')
      consoleAuth.setCookie(request, reply, outcome.token, outcome.expiresAt)
      await audit.record({ editor: outcome.session.editor, address: request.ip }, 'sign-in', null)
      const body: ConsoleSession = outcome.session
      return body
    },
  )

  app.get('/console/session', { schema: { summary: 'The signed-in editor and the CSRF token', tags: ['console'], querystring: noQuery } }, async (request) => {
    const session = await consoleAuth.sessionOf(request)
    if (!session) throw new ApiError(401, 'not-signed-in', '请先登录（登录已过期或尚未登录）')
    const body: ConsoleSession = { editor: session.editor, csrfToken: session.csrfToken }
    return body
  })

  app.delete('/console/session', { schema: { summary: 'Sign out', tags: ['console'], querystring: noQuery } }, async (request, reply) => {
    const session = await consoleAuth.sessionOf(request)
    if (session) {
      // Signing out is state-changing too: the CSRF check of every console request applies.
      await app.requireEditor(request)
      await consoleAuth.signOut(session.tokenHash)
      await audit.record({ editor: session.editor, address: request.ip }, 'sign-out', null)
    }
    consoleAuth.clearCookie(request, reply)
    return reply.code(204).send()
  })
}
