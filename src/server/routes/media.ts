/**
 * Pictures of articles: GET /media/:id?w=750 (a published issue's pictures, for anyone) and
 * GET /admin/media/:id (any stored picture, drafts' too, with the admin token). Mounted under /api.
 * An id is the sha256 (hex) of the picture's bytes, so what it names never changes: a year's
 * immutable caching, and an ETag for the clients that ask again.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { RouteDeps } from './deps'
import { sendError as fail } from '../http/errors'
import { createMediaRenderer, MEDIA_ID, MEDIA_WIDTHS, type MediaWidth } from '../services/media'

const IMMUTABLE = 'public, max-age=31536000, immutable'

function etagMatches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match']
  return !!header && header.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag)
}

export const mediaRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const renderer = createMediaRenderer()

  async function send(request: FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>, reply: FastifyReply, includeDrafts: boolean) {
    const { id } = request.params
    if (!MEDIA_ID.test(id)) return fail(reply, 400, 'bad-id', `'${id.slice(0, 80)}' is not a picture id: expected 64 lower-case hex characters`, { field: 'params/id' })
    const extra = Object.keys(request.query).filter((k) => k !== 'w' && k !== 'preview')
    if (extra.length > 0) return fail(reply, 400, 'bad-query', `Unknown query parameter '${extra[0]}': only w and preview are allowed`, { field: `querystring/${extra[0]}` })
    // A console preview link shows its draft's pictures too, never cached.
    const preview = !includeDrafts && request.query.preview !== undefined && (await deps.previews.showsMedia(id, request.query.preview))
    if (preview) reply.header('cache-control', 'no-store')
    const raw = request.query.w
    let width: MediaWidth | null = null
    if (raw !== undefined) {
      width = (MEDIA_WIDTHS as readonly number[]).includes(Number(raw)) && /^\d+$/.test(raw) ? (Number(raw) as MediaWidth) : null
      if (width === null) return fail(reply, 400, 'bad-width', `w must be one of ${MEDIA_WIDTHS.join(', ')}`, { field: 'querystring/w' })
    }
    const media = await deps.storage.getMedia(id, { includeDrafts: includeDrafts || preview })
    if (!media) return fail(reply, 404, 'media-not-found', includeDrafts ? `There is no picture ${id}` : `There is no picture ${id} in a published issue`)
    const etag = width === null ? `"${id}"` : `"${id}-w${width}"`
    // The admin routes' own hook makes their answers no-store; a public picture never changes.
    if (!includeDrafts && !preview) reply.header('cache-control', IMMUTABLE)
    reply.header('etag', etag)
    if (etagMatches(request, etag)) return reply.code(304).send()
    const out = await renderer.render(media, width)
    reply.header('etag', out.etag).header('content-security-policy', "default-src 'none'")
    if (out.contentType === 'application/octet-stream') reply.header('content-disposition', 'attachment')
    return reply.type(out.contentType).send(Buffer.from(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength))
  }

  const schema = (summary: string) => ({ schema: { summary, tags: ['media'] } })
  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>('/media/:id', schema('A picture of a published issue, resized to ?w='), (request, reply) =>
    send(request, reply, false),
  )
  await app.register(async (admin) => {
    admin.addHook('onRequest', deps.adminGuard)
    admin.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'private, no-store')
    })
    admin.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>('/admin/media/:id', schema('Any stored picture, drafts too (admin)'), (request, reply) =>
      send(request, reply, true),
    )
  })
}
