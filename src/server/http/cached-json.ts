/**
 * Cacheable JSON: an ETag over the exact bytes, Cache-Control, and 304 when the client already has them.
 * Bodies are sent as pre-serialised strings, so a cached response costs no serialisation.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

export interface CachedJson {
  body: string
  etag: string
}

export function cachedJson(body: string): CachedJson {
  return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` }
}

/** Published issues change rarely; a minute of client caching, revalidated by ETag after that. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300'

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === bare
  })
}

export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, json: CachedJson, cacheControl = PUBLIC_CACHE_CONTROL) {
  reply.header('etag', json.etag).header('cache-control', cacheControl)
  if (matches(request.headers['if-none-match'], json.etag)) return reply.code(304).send()
  return reply.type('application/json; charset=utf-8').send(json.body)
}
