/**
 * Share cards as PNG: GET /cards/articles/:id.png and /cards/issues/:id.png (5:4, for chat shares)
 * and /cards/articles/:id/poster.png (tall, with the mini-program code). Mounted under /api. Thin:
 * validate the id, look the thing up, let the card service draw (or find) the image, answer with an
 * ETag so a client that has it gets a 304.
 */
import { existsSync } from 'node:fs'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ArticleDetail } from '../../core/api'
import type { StoredIssue } from '../../core/bulletin'
import { WechatError, type WechatApi } from '../wechat/api'
import { createCardService, type PreparedCard } from '../services/cards/index'

export interface CardRouteOptions {
  getArticle(id: number): Promise<ArticleDetail | null>
  getIssue(id: number): Promise<StoredIssue | null>
  wechat: WechatApi
  /** A .ttf/.otf/.woff font file (CARD_FONT); default: the npm Noto Sans SC. */
  fontPath?: string
  /** Bound of the rendered-card cache in bytes (default 32 MB). */
  cacheBytes?: number
}

/** Cards change only when an article is edited; clients revalidate by ETag after an hour. */
const CARD_CACHE_CONTROL = 'public, max-age=3600'
const MAX_ID = 2_147_483_647

function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null
  const id = Number(raw)
  return id <= MAX_ID ? id : null
}

function fail(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: details === undefined ? { code, message } : { code, message, details } })
}

function etagMatches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match']
  if (!header) return false
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })
}

async function sendCard(request: FastifyRequest, reply: FastifyReply, card: PreparedCard) {
  reply.header('etag', card.etag).header('cache-control', CARD_CACHE_CONTROL)
  if (etagMatches(request, card.etag)) return reply.code(304).send()
  const png = await card.png()
  return reply.type('image/png').send(Buffer.from(png.buffer, png.byteOffset, png.byteLength))
}

export const cardRoutes: FastifyPluginAsync<CardRouteOptions> = async (app, opts) => {
  // The server's config passes CARD_FONT as fontPath; reading it here too keeps the variable working
  // wherever the plugin is mounted.
  const fontPath = opts.fontPath ?? (process.env.CARD_FONT || undefined)
  if (fontPath && !existsSync(fontPath)) throw new Error(`CARD_FONT: no font file at ${fontPath}`)
  const cards = createCardService({ wechat: opts.wechat, fontPath, cacheBytes: opts.cacheBytes })

  const badId = (reply: FastifyReply, raw: string) =>
    fail(reply, 400, 'bad-id', `'${raw}' is not an id: expected a positive whole number`, { field: 'params/id' })

  app.get<{ Params: { file: string } }>('/cards/articles/:file', async (request, reply) => {
    const m = /^(.*)\.png$/.exec(request.params.file)
    if (!m) return fail(reply, 404, 'not-found', `No card ${request.params.file}: cards are <id>.png`)
    const id = parseId(m[1])
    if (id === null) return badId(reply, m[1])
    const detail = await opts.getArticle(id)
    if (!detail) return fail(reply, 404, 'article-not-found', `There is no published article with id ${id}`)
    return sendCard(request, reply, cards.articleCard(detail))
  })

  app.get<{ Params: { file: string } }>('/cards/issues/:file', async (request, reply) => {
    const m = /^(.*)\.png$/.exec(request.params.file)
    if (!m) return fail(reply, 404, 'not-found', `No card ${request.params.file}: cards are <id>.png`)
    const id = parseId(m[1])
    if (id === null) return badId(reply, m[1])
    const issue = await opts.getIssue(id)
    if (!issue) return fail(reply, 404, 'issue-not-found', `There is no published issue with id ${id}`)
    return sendCard(request, reply, cards.issueCard(issue))
  })

  app.get<{ Params: { id: string } }>('/cards/articles/:id/poster.png', async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return badId(reply, request.params.id)
    const detail = await opts.getArticle(id)
    if (!detail) return fail(reply, 404, 'article-not-found', `There is no published article with id ${id}`)
    try {
      return await sendCard(request, reply, cards.poster(detail))
    } catch (err) {
      if (!(err instanceof WechatError)) throw err
      request.log.warn({ errcode: err.errcode, endpoint: err.endpoint }, 'no mini-program code for the poster')
      return fail(reply, 502, 'wechat-unavailable', `WeChat did not provide the mini-program code (errcode ${err.errcode}); try again later`)
    }
  })
}
