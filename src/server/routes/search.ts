/** GET /api/search: every published item containing all the query's terms, ranked, with highlights; GET /api/search/filters: what it can be narrowed to. */
import type { FastifyPluginAsync } from 'fastify'
import type { RouteDeps } from './deps'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { ApiError } from '../http/errors'
import { READY_BYTES_ROUTE, sendCachedJson } from '../http/cached-json'

const MAX_OFFSET = 10000

const searchQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
    cursor: { type: 'string', minLength: 1, maxLength: 200 },
    year: { type: 'integer', minimum: 1900, maximum: 2999 },
    section: { type: 'string', minLength: 1, maxLength: 50 },
  },
  required: ['q'],
  additionalProperties: false,
} as const

interface SearchQuerystring {
  q: string
  limit: number
  cursor?: string
  year?: number
  section?: string
}

const isSearchCursor = (value: unknown): value is { o: number } => {
  const v = value as { o?: unknown } | null
  return typeof v === 'object' && v !== null && typeof v.o === 'number' && Number.isSafeInteger(v.o) && v.o > 0 && v.o <= MAX_OFFSET
}

export const searchRoutes: FastifyPluginAsync<RouteDeps> = async (app, { search, rateLimits }) => {
  app.get<{ Querystring: SearchQuerystring }>(
    '/search',
    {
      schema: { summary: 'Search titles, bodies, briefs and sources of published issues', tags: ['search'], querystring: searchQuery },
      config: { rateLimit: { max: rateLimits.searchPerMinute, timeWindow: '1 minute' } },
      ...READY_BYTES_ROUTE,
    },
    async (request, reply) => {
      const { q, limit, cursor, year, section } = request.query
      if (search.terms(q).length === 0) throw new ApiError(400, 'empty-query', 'query/q has nothing to search for once spaces are removed')
      const offset = cursor === undefined ? 0 : decodeCursor(cursor, isSearchCursor).o
      const json = await search.searchJson({ q, offset, limit, year, section }, (next) => (next <= MAX_OFFSET ? encodeCursor({ o: next }) : null))
      return sendCachedJson(request, reply, json, 'public, max-age=30')
    },
  )

  app.get(
    '/search/filters',
    { schema: { summary: 'Every year and section of the published issues: what a search can be narrowed to', tags: ['search'] }, ...READY_BYTES_ROUTE },
    async (request, reply) => sendCachedJson(request, reply, await search.filtersJson(), 'public, max-age=60'),
  )
}
