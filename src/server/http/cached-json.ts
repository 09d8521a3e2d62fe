/**
 * Cacheable JSON (and the reader's HTML pages) as ready bytes: the body serialised once, an ETag over it, its gzip and brotli forms
 * made once on first ask, Cache-Control, and 304 when the client already has it. A cached answer
 * costs no serialisation and no compression; the routes that send these skip @fastify/compress.
 */
import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

export type ContentEncoding = 'br' | 'gzip'

export interface CachedJson {
  /** The UTF-8 JSON body. */
  readonly bytes: Buffer
  readonly etag: string
  /** The body in that encoding (made on first ask, then kept). */
  encoded(encoding: ContentEncoding): Buffer
}

/** Bodies smaller than this go as they are (what @fastify/compress was given as its threshold). */
export const COMPRESS_THRESHOLD = 1024

export function cachedJson(body: string): CachedJson {
  const bytes = Buffer.from(body, 'utf8')
  let gzip: Buffer | null = null
  let br: Buffer | null = null
  return {
    bytes,
    etag: `W/"${createHash('sha1').update(bytes).digest('base64url')}"`,
    encoded(encoding) {
      if (encoding === 'gzip') return (gzip ??= gzipSync(bytes, { level: 6 }))
      return (br ??= brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
    },
  }
}

/** Published issues change rarely; a minute of client caching, revalidated by ETag after that. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300'

/** Route options for a route that answers with sendCachedJson: its bodies are compressed already. */
export const READY_BYTES_ROUTE = { compress: false } as const

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === bare
  })
}

/** Clients send a handful of distinct Accept-Encoding values; each is parsed once. */
const chosen = new Map<string, ContentEncoding | null>()

/** br, then gzip, when the client accepts it (q > 0); null for identity. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null
  const known = chosen.get(acceptEncoding)
  if (known !== undefined) return known
  const encoding = parseAcceptEncoding(acceptEncoding)
  if (chosen.size >= 256) chosen.clear()
  chosen.set(acceptEncoding, encoding)
  return encoding
}

function parseAcceptEncoding(acceptEncoding: string): ContentEncoding | null {
  let gzip = false
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue
    if (name === 'br') return 'br'
    if (name === 'gzip' || name === '*') gzip = true
  }
  return gzip ? 'gzip' : null
}

export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, json: CachedJson, cacheControl = PUBLIC_CACHE_CONTROL) {
  return sendReadyBytes(request, reply, json, 'application/json; charset=utf-8', cacheControl)
}

/**
 * Ready bytes of any type (the reader's HTML pages too), in the encoding the client takes: with an
 * ETag and 304 when it is a 200; any other status (a "not found" page) is sent whole, untagged.
 */
export function sendReadyBytes(request: FastifyRequest, reply: FastifyReply, ready: CachedJson, contentType: string, cacheControl: string, status = 200) {
  reply.code(status).header('cache-control', cacheControl)
  if (ready.bytes.length >= COMPRESS_THRESHOLD) reply.header('vary', 'accept-encoding')
  if (status === 200) {
    reply.header('etag', ready.etag)
    if (matches(request.headers['if-none-match'], ready.etag)) return reply.code(304).send()
  }
  reply.type(contentType)
  const encoding = ready.bytes.length >= COMPRESS_THRESHOLD && request.headers['x-no-compression'] === undefined ? chooseEncoding(request.headers['accept-encoding']) : null
  if (encoding === null) return reply.send(ready.bytes)
  return reply.header('content-encoding', encoding).send(ready.encoded(encoding))
}
