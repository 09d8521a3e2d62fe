/** Public reading: the issue list, one issue, one article. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { IssueCursor } from '../storage/storage'
import type { RouteDeps } from './deps'
import { idParams, MAX_ID } from '../http/schemas'
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

/** `?preview=TOKEN` (from the console) shows a draft; anything else is refused as before. */
const previewQuery = { type: 'object', properties: { preview: { type: 'string', minLength: 1, maxLength: 200 } }, additionalProperties: false } as const

/** A preview answer: the draft, never kept by any cache. */
const sendPreview = (reply: FastifyReply, json: string) => reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(json)

export const issueRoutes: FastifyPluginAsync<RouteDeps> = async (app, { reads, previews }) => {
  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/issues',
    { schema: { summary: 'Published issues, newest first, with their contents', tags: ['issues'], querystring: listQuery }, ...READY_BYTES_ROUTE },
    async (request, reply) => {
      const { limit, cursor } = request.query
      const after: IssueCursor | undefined = cursor === undefined ? undefined : (({ d, i }) => ({ date: d, id: i }))(decodeCursor(cursor, isIssueCursor))
      return sendCachedJson(request, reply, await reads.list(limit, after, encodeIssueCursor), 'public, max-age=30')
    },
  )

  app.get<{ Params: { id: number }; Querystring: { preview?: string } }>(
    '/issues/:id',
    {
      schema: { summary: 'One published issue, whole (IssueDetail); a draft with ?preview=TOKEN', tags: ['issues'], params: idParams('id'), querystring: previewQuery },
      ...READY_BYTES_ROUTE,
    },
    async (request, reply) => {
      if (request.query.preview !== undefined) {
        const draft = await previews.issue(request.params.id, request.query.preview)
        if (draft) return sendPreview(reply, draft)
      }
      const json = await reads.issue(request.params.id)
      if (!json) throw new ApiError(404, 'issue-not-found', `There is no published issue with id ${request.params.id}`)
      return sendCachedJson(request, reply, json)
    },
  )

  app.get<{ Params: { id: number }; Querystring: { preview?: string } }>(
    '/articles/:id',
    {
      schema: {
        summary: 'One article of a published issue, with its neighbours (ArticleDetail); of a draft with ?preview=TOKEN',
        tags: ['issues'],
        params: idParams('id'),
        querystring: previewQuery,
      },
      ...READY_BYTES_ROUTE,
    },
    async (request, reply) => {
      if (request.query.preview !== undefined) {
        const draft = await previews.article(request.params.id, request.query.preview)
        if (draft) return sendPreview(reply, draft)
      }
      const json = await reads.article(request.params.id)
      if (!json) throw new ApiError(404, 'article-not-found', `There is no published article with id ${request.params.id}`)
      return sendCachedJson(request, reply, json)
    },
  )
}
