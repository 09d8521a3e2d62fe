/**
 * Subscribe-message credits for members, fan-out progress for editors. Thin: validate, call the
 * notification store, reply. Mounted under /api by createApp.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { SubscribeResult, SubscriptionStatus } from '../../core/api'
import type { RouteDeps } from './deps'
import { ApiError } from '../http/errors'
import { idParams, noQuery } from '../http/schemas'
import type { DeliveryProgress } from '../notifications'

const SUBSCRIBE_RESULTS: SubscribeResult[] = ['accept', 'reject', 'ban', 'filter']

const subscriptionStatus = {
  type: 'object',
  properties: { templateId: { type: ['string', 'null'] }, credits: { type: 'integer' } },
  required: ['templateId', 'credits'],
} as const

export const notificationRoutes: FastifyPluginAsync<RouteDeps> = async (app, { storage, newIssueTemplateId: templateId, adminGuard }) => {
  const { notifications } = storage

  await app.register(async (me) => {
    me.addHook('preHandler', app.authenticateMember)
    me.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'private, no-store')
    })

    me.get(
      '/me/subscriptions',
      {
        schema: { summary: 'How many new-issue messages the member may still receive', tags: ['members'], querystring: noQuery, response: { 200: subscriptionStatus } },
      },
      async (request): Promise<SubscriptionStatus> => ({
        templateId,
        credits: templateId && request.member.openid ? await notifications.creditsOf(request.member.id, templateId) : 0,
      }),
    )

    me.post<{ Body: { templateId: string; result: SubscribeResult } }>(
      '/me/subscriptions',
      {
        schema: {
          summary: "Record the member's answer to wx.requestSubscribeMessage; an accept is one credit",
          tags: ['members'],
          body: {
            type: 'object',
            properties: { templateId: { type: 'string', minLength: 1, maxLength: 128 }, result: { type: 'string', enum: SUBSCRIBE_RESULTS } },
            required: ['templateId', 'result'],
            additionalProperties: false,
          },
          response: { 200: subscriptionStatus },
        },
      },
      async (request): Promise<SubscriptionStatus> => {
        if (!templateId) throw new ApiError(409, 'subscriptions-off', 'New-issue messages are off on this server (WECHAT_TEMPLATE_NEW_ISSUE is not set)')
        if (request.body.templateId !== templateId) {
          throw new ApiError(422, 'unknown-template', `templateId "${request.body.templateId}" is not this server's new-issue template`, { field: 'body/templateId' })
        }
        if (!request.member.openid) {
          throw new ApiError(409, 'wechat-sign-in-required', 'Subscribe messages reach WeChat members only: sign in with /api/auth/wechat first')
        }
        const credits = await notifications.recordSubscribeResult(request.member.id, templateId, request.body.result)
        return { templateId, credits }
      },
    )
  })

  await app.register(async (admin) => {
    admin.addHook('onRequest', adminGuard)
    admin.get<{ Params: { id: number } }>(
      '/admin/issues/:id/deliveries',
      {
        schema: {
          summary: "Progress of an issue's new-issue messages: queued, sending, sent, refused, failed, cancelled",
          tags: ['admin'],
          params: idParams('id'),
          querystring: noQuery,
        },
      },
      async (request, reply): Promise<DeliveryProgress> => {
        const id = request.params.id
        if (!(await storage.getIssue(id, { includeDrafts: true }))) throw new ApiError(404, 'issue-not-found', `There is no issue with id ${id}`)
        reply.header('cache-control', 'no-store')
        return notifications.deliveryProgress(id)
      },
    )
  })
}
