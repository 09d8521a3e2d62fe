/**
 * Share cards as PNG: GET /cards/articles/:id.png and /cards/issues/:id.png (5:4, for chat shares)
 * and /cards/articles/:id/poster.png (tall, with the mini-program code), and /cards/home-code.png
 * (the mini-program code alone, which H5 shows for subscribing). Mounted under /api. Thin:
 * validate the id, look the thing up, let the card service draw (or find) the image, answer with an
 * ETag so a client that has it gets a 304.
 *
 * `?preview=TOKEN` (the console's preview tab) draws the cards of the draft the token names: drawn
 * afresh, answered `cache-control: no-store`, never kept in the cache of published cards. Without a
 * valid token for the article's issue a draft stays 404, as before.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { WechatError } from '../wechat/api'
import type { CardService, PreparedCard } from '../services/cards/index'
import type { PublicReads } from '../services/public-reads'
import type { PreviewReads } from '../services/preview-reads'
import { sendError as fail } from '../http/errors'
import { MAX_ID } from '../http/schemas'

/**
 * The card service and where cards read from (the app passes its RouteDeps): the public reads, which
 * keep the published issue and article for the current version, so a card asked again costs no query.
 */
export interface CardRouteDeps {
  cards: CardService
  reads: Pick<PublicReads, 'articleObject' | 'issueObject'>
  /** Drafts for holders of a console preview token; without it `?preview` is ignored. */
  previews?: Pick<PreviewReads, 'articleObject' | 'issueObject'>
}

/** Cards change only when an article is edited; clients revalidate by ETag after an hour. */
const CARD_CACHE_CONTROL = 'public, max-age=3600'

function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null
  const id = Number(raw)
  return id <= MAX_ID ? id : null
}

function etagMatches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match']
  if (!header) return false
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })
}

/** The token of `?preview=TOKEN`, when one is given. */
function previewToken(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.preview
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/** A draft's card: no ETag, no shared or browser cache; a console asks again when it shows it again. */
async function sendPreviewCard(reply: FastifyReply, card: PreparedCard) {
  const png = await card.png()
  return reply
    .header('cache-control', 'no-store')
    .type('image/png')
    .send(Buffer.from(png.buffer, png.byteOffset, png.byteLength))
}

async function sendCard(request: FastifyRequest, reply: FastifyReply, card: PreparedCard, preview = false) {
  if (preview) return sendPreviewCard(reply, card)
  reply.header('etag', card.etag).header('cache-control', CARD_CACHE_CONTROL)
  if (etagMatches(request, card.etag)) return reply.code(304).send()
  const png = await card.png()
  return reply.type('image/png').send(Buffer.from(png.buffer, png.byteOffset, png.byteLength))
}

export const cardRoutes: FastifyPluginAsync<CardRouteDeps> = async (app, { cards, reads, previews }) => {
  // Each kept issue or article is prepared (model and content hash) once, not on every request.
  const prepared = new WeakMap<object, PreparedCard>()
  const once = (of: object, prepare: () => PreparedCard) => prepared.get(of) ?? prepared.set(of, prepare()).get(of)!

  /** The article (of a draft or not) when `?preview` holds a valid token for its issue. */
  const previewArticle = async (request: FastifyRequest, id: number) => {
    const token = previewToken(request)
    return token && previews ? previews.articleObject(id, token) : null
  }

  const badId = (reply: FastifyReply, raw: string) => fail(reply, 400, 'bad-id', `'${raw}' is not an id: expected a positive whole number`, { field: 'params/id' })

  app.get<{ Params: { file: string } }>('/cards/articles/:file', async (request, reply) => {
    const m = /^(.*)\.png$/.exec(request.params.file)
    if (!m) return fail(reply, 404, 'not-found', `No card ${request.params.file}: cards are <id>.png`)
    const id = parseId(m[1])
    if (id === null) return badId(reply, m[1])
    const draft = await previewArticle(request, id)
    if (draft) return sendCard(request, reply, cards.articleCard(draft, { shared: false }), true)
    const detail = await reads.articleObject(id)
    if (!detail) return fail(reply, 404, 'article-not-found', `There is no published article with id ${id}`)
    return sendCard(
      request,
      reply,
      once(detail, () => cards.articleCard(detail)),
    )
  })

  app.get<{ Params: { file: string } }>('/cards/issues/:file', async (request, reply) => {
    const m = /^(.*)\.png$/.exec(request.params.file)
    if (!m) return fail(reply, 404, 'not-found', `No card ${request.params.file}: cards are <id>.png`)
    const id = parseId(m[1])
    if (id === null) return badId(reply, m[1])
    const token = previewToken(request)
    const draft = token && previews ? await previews.issueObject(id, token) : null
    if (draft) return sendCard(request, reply, cards.issueCard(draft, { shared: false }), true)
    const issue = await reads.issueObject(id)
    if (!issue) return fail(reply, 404, 'issue-not-found', `There is no published issue with id ${id}`)
    return sendCard(
      request,
      reply,
      once(issue, () => cards.issueCard(issue)),
    )
  })

  /** A card holding a mini-program code: WeChat may fail to provide one (502, and nothing cached). */
  async function sendCodeCard(request: FastifyRequest, reply: FastifyReply, card: PreparedCard, what: string, preview = false) {
    try {
      return await sendCard(request, reply, card, preview)
    } catch (err) {
      if (!(err instanceof WechatError)) throw err
      request.log.warn({ errcode: err.errcode, endpoint: err.endpoint }, `no mini-program code for ${what}`)
      return fail(reply, 502, 'wechat-unavailable', `WeChat did not provide the mini-program code (errcode ${err.errcode}); try again later`)
    }
  }

  app.get<{ Params: { id: string } }>('/cards/articles/:id/poster.png', async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return badId(reply, request.params.id)
    const draft = await previewArticle(request, id)
    if (draft) return sendCodeCard(request, reply, cards.poster(draft, { shared: false }), 'a preview poster', true)
    const detail = await reads.articleObject(id)
    if (!detail) return fail(reply, 404, 'article-not-found', `There is no published article with id ${id}`)
    return sendCodeCard(request, reply, cards.poster(detail), 'the poster')
  })

  app.get('/cards/home-code.png', (request, reply) => sendCodeCard(request, reply, cards.homeCode(), 'home'))
}
