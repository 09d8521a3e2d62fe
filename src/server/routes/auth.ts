/** Sign-in: a WeChat login code or an H5 device id → a member and a signed session token. */
import type { FastifyPluginAsync } from 'fastify'
import type { SessionResponse } from '../../core/api'
import type { RouteDeps } from './deps'
import { WechatError } from '../wechat/api'
import { ApiError } from '../http/errors'
import { issueSessionToken } from '../auth/session-token'
import { noQuery } from '../http/schemas'

function wechatLoginError(error: WechatError): ApiError {
  switch (error.errcode) {
    case 40029:
    case 40163:
      return new ApiError(401, 'invalid-login-code', 'The WeChat login code is invalid, expired or already used: call wx.login again and send the new code')
    case 45011:
      return new ApiError(429, 'rate-limited', 'WeChat says sign-ins are too frequent: wait a minute and try again')
    case 40226:
      return new ApiError(403, 'wechat-user-blocked', 'WeChat refused this sign-in (risk control)')
    default:
      return new ApiError(502, 'wechat-unavailable', `WeChat could not check the login code (errcode ${error.errcode}); try again later`)
  }
}

export const authRoutes: FastifyPluginAsync<RouteDeps> = async (app, { storage, wechat, sessionSecret, rateLimits }) => {
  // One budget (one store) for every way of signing in: 20 device sign-ins leave no WeChat ones.
  // (A route-level `config.rateLimit` would give each route a store of its own, groupId or not.)
  const signInLimit = app.rateLimit({ max: rateLimits.authPerMinute, timeWindow: '1 minute' })

  app.post<{ Body: { code: string } }>(
    '/auth/wechat',
    {
      schema: {
        summary: 'Exchange a mini-program login code (wx.login) for a session token',
        tags: ['members'],
        querystring: noQuery,
        body: { type: 'object', properties: { code: { type: 'string', minLength: 1, maxLength: 128 } }, required: ['code'], additionalProperties: false },
      },
      onRequest: signInLimit,
    },
    async (request): Promise<SessionResponse> => {
      let openid: string
      try {
        openid = (await wechat.code2Session(request.body.code)).openid
      } catch (error) {
        if (error instanceof WechatError) throw wechatLoginError(error)
        throw error
      }
      const member = await storage.memberByOpenid(openid)
      return issueSessionToken(sessionSecret, member.id)
    },
  )

  app.post<{ Body: { deviceId: string } }>(
    '/auth/device',
    {
      schema: {
        summary: 'An anonymous member for the H5 client, keyed by a random device id it keeps',
        tags: ['members'],
        querystring: noQuery,
        body: {
          type: 'object',
          properties: { deviceId: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,128}$' } },
          required: ['deviceId'],
          additionalProperties: false,
        },
      },
      onRequest: signInLimit,
    },
    async (request): Promise<SessionResponse> => {
      const member = await storage.memberByDevice(request.body.deviceId)
      return issueSessionToken(sessionSecret, member.id)
    },
  )
}
