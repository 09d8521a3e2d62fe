/** Public reading: the issue list, one issue, one article. */
import type { FastifyPluginAsync } from 'fastify'
import type { IssueCursor } from '../storage/storage'
import type { RouteDeps } from './deps'
import { idParams, MAX_ID, noQuery } from '../http/schemas'
import { decodeCursor, encodeIssueCursor } from '../http/cursor'
import { READY_BYTES_ROUTE, sendCachedJson } from '../http/cached-json'
import { ApiError } from '../http/errors'

const isIssueCursor = (value: unknown): value is { d: string; i: number } => {
  const v = value as { d?: unknown; i?: unknown } | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.d === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v.d) &&
    typeof v.i === 'number' &&
    Number.isSafeInteger(v.i) &&
    v.i > 0 &&
    v.i <= MAX_ID
  )
}

const listQuery = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
    cursor: { type: 'string', minLength: 1, maxLength: 200 },
  },
  additionalProperties: false,
} as const

export const issueRoutes: FastifyPluginAsync<RouteDeps> = async (app, { reads }) => {
  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/issues',
    { schema: { summary: 'Published issues, newest first, with their contents', tags: ['issues'], querystring: listQuery }, ...READY_BYTES_ROUTE },
    async (request, reply) => {
      const { limit, cursor } = request.query
      const after: IssueCursor | undefined = cursor === undefined ? undefined : (({ d, i }) => ({ date: d, id: i }))(decodeCursor(cursor, isIssueCursor))
      return sendCachedJson(request, reply, await reads.list(limit, after, encodeIssueCursor), 'public, max-age=30')
    },
  )

  app.get<{ Params: { id: number } }>(
    '/issues/:id',
    { schema: { summary: 'One published issue, whole (IssueDetail)', tags: ['issues'], params: idParams('id'), querystring: noQuery }, ...READY_BYTES_ROUTE },
    async (request, reply) => {
      const json = await reads.issue(request.params.id)
      if (!json) throw new ApiError(404, 'issue-not-found', `There is no published issue with id ${request.params.id}`)
      return sendCachedJson(request, reply, json)
    },
  )

  app.get<{ Params: { id: number } }>(
    '/articles/:id',
    {
      schema: { summary: 'One article of a published issue, with its neighbours (ArticleDetail)', tags: ['issues'], params: idParams('id'), querystring: noQuery },
      ...READY_BYTES_ROUTE,
    },
    async (request, reply) => {
      const json = await reads.article(request.params.id)
      if (!json) throw new ApiError(404, 'article-not-found', `There is no published article with id ${request.params.id}`)
      return sendCachedJson(request, reply, json)
    },
  )
}
