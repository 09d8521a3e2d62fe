/** A member's favourite articles. PUT and DELETE are idempotent. */
import type { FastifyPluginAsync } from 'fastify'
import type { FavouriteEntry, FavouriteList } from '../../core/api'
import type { RouteDeps } from './deps'
import { idParams, noQuery } from '../http/schemas'
import { ApiError } from '../http/errors'

export const favouriteRoutes: FastifyPluginAsync<RouteDeps> = async (app, { storage }) => {
  app.addHook('preHandler', app.authenticateMember)
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store')
  })

  app.get(
    '/me/favourites',
    { schema: { summary: "The member's favourite articles, newest first", tags: ['members'], querystring: noQuery } },
    async (request): Promise<FavouriteList> => ({
      items: await storage.listFavourites(request.member.id),
    }),
  )

  app.put<{ Params: { articleId: number } }>(
    '/me/favourites/:articleId',
    { schema: { summary: 'Add an article to the favourites (idempotent)', tags: ['members'], params: idParams('articleId'), querystring: noQuery } },
    async (request): Promise<FavouriteEntry> => {
      const entry = await storage.addFavourite(request.member.id, request.params.articleId)
      if (!entry) throw new ApiError(404, 'article-not-found', `There is no published article with id ${request.params.articleId}`)
      return entry
    },
  )

  app.delete<{ Params: { articleId: number } }>(
    '/me/favourites/:articleId',
    { schema: { summary: 'Remove an article from the favourites (idempotent)', tags: ['members'], params: idParams('articleId'), querystring: noQuery } },
    async (request, reply) => {
      await storage.removeFavourite(request.member.id, request.params.articleId)
      return reply.code(204).send()
    },
  )
}
