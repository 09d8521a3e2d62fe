/**
 * Share cards through HTTP: a Fastify app with the real card routes, data imported from the sample
 * bulletin, the real WeChat client against the fake WeChat server for the poster's code. The images
 * are decoded and looked at: size, ink where the title goes, real glyphs rather than boxes.
 * They are also written to tests/artifacts/cards/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import type { ArticleDetail } from '../../../src/core/api'
import type { StoredIssue } from '../../../src/core/bulletin'
import { cardRoutes } from '../../../src/server/routes/cards'
import { createCardService } from '../../../src/server/services/cards/index'
import { createWechatClient } from '../../../src/server/wechat/client'
import { startFakeWechat, type FakeWechat } from '../../../src/server/wechat/fake-server'
import { listen, request } from '../support/http'
import { decodePng, inkLines, inkPixels, PNG_SIGNATURE, type Region } from './png'
import { articleDetails, sampleIssue } from './sample-data'

const ARTIFACTS = path.join(__dirname, '../../artifacts/cards')
/** The white body of the article card, between the red masthead band and the footer rule. */
const TITLE_AREA: Region = { x0: 64, y0: 140, x1: 936, y1: 680 }

describe('share cards', () => {
  let fake: FakeWechat
  let app: FastifyInstance
  let base: string
  const get = (url: string, headers?: Record<string, string>) => request(base, { url, headers })
  let issue: StoredIssue
  let details: ArticleDetail[]
  const articles = new Map<number, ArticleDetail>()

  /** An article of the sample with another title, stored under a new id. */
  function withTitle(id: number, title: string): number {
    const base = details[1]
    articles.set(id, { ...base, article: { ...base.article, id, title } })
    return id
  }

  async function getPng(url: string, save?: string) {
    const res = await get(url)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.rawPayload.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    if (save) writeFileSync(path.join(ARTIFACTS, save), res.rawPayload)
    return { res, png: decodePng(res.rawPayload) }
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    fake = await startFakeWechat({ pages: ['pages/article/index', 'pages/issue/index'] })
    issue = sampleIssue(7, 100)
    details = articleDetails(issue)
    for (const d of details) articles.set(d.article.id, d)
    app = Fastify()
    await app.register(cardRoutes, {
      cards: createCardService({ wechat: createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret }) }),
      reads: { articleObject: async (id: number) => articles.get(id) ?? null, issueObject: async (id: number) => (id === issue.id ? issue : null) },
    })
    base = await listen(app)
  })
  afterAll(async () => {
    await app?.close()
    await fake?.close()
  })

  describe('article card', () => {
    it('is a 5:4 PNG of at least 500×400 with the title drawn in ink', async () => {
      const { res, png } = await getPng(`/cards/articles/${details[1].article.id}.png`, 'article.png')
      expect(png.width * 4).toBe(png.height * 5)
      expect(png.width).toBeGreaterThanOrEqual(500)
      expect(res.headers['cache-control']).toMatch(/max-age=\d+/)
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/)
      const area = (TITLE_AREA.x1 - TITLE_AREA.x0) * (TITLE_AREA.y1 - TITLE_AREA.y0)
      const ink = inkPixels(png, TITLE_AREA).size / area
      expect(ink).toBeGreaterThan(0.04)
      expect(ink).toBeLessThan(0.5)
    })

    it('draws real glyphs, not boxes: two titles of the same length look different', async () => {
      // Same length, same layout: drawn as .notdef boxes these would be pixel-identical.
      const a = withTitle(9001, details[0].article.title.slice(0, 14))
      const b = withTitle(9002, details[4].article.title.slice(0, 14))
      const { png: one } = await getPng(`/cards/articles/${a}.png`, 'same-length-a.png')
      const { png: two } = await getPng(`/cards/articles/${b}.png`, 'same-length-b.png')
      const inkOne = inkPixels(one, TITLE_AREA)
      const inkTwo = inkPixels(two, TITLE_AREA)
      const union = new Set([...inkOne, ...inkTwo])
      const shared = [...inkOne].filter((p) => inkTwo.has(p)).length
      expect(union.size).toBeGreaterThan(5000)
      expect(1 - shared / union.size).toBeGreaterThan(0.4)
    })

    it('wraps the title to at most three lines', async () => {
      const short = withTitle(9003, '增城区总工会网络直播心系职工传递关怀')
      const long = withTitle(9004, details.map((d) => d.article.title).join('，'))
      const { png: shortPng } = await getPng(`/cards/articles/${short}.png`, 'short-title.png')
      const { png: longPng } = await getPng(`/cards/articles/${long}.png`, 'long-title.png')
      expect(inkLines(shortPng, TITLE_AREA)).toHaveLength(2)
      expect(inkLines(longPng, TITLE_AREA)).toHaveLength(3)
    })

    it('answers 304 to a matching If-None-Match, and a new ETag when the title changes', async () => {
      const url = `/cards/articles/${details[2].article.id}.png`
      const first = await get(url)
      const etag = first.headers.etag as string
      const again = await get(url, { 'if-none-match': `W/"other", ${etag}` })
      expect(again.statusCode).toBe(304)
      expect(again.rawPayload.length).toBe(0)
      expect(again.headers.etag).toBe(etag)
      const repeat = await get(url)
      expect(repeat.rawPayload.equals(first.rawPayload)).toBe(true)

      const id = details[2].article.id
      articles.set(id, { ...details[2], article: { ...details[2].article, title: details[2].article.title + '（修订）' } })
      const changed = await get(url, { 'if-none-match': etag })
      expect(changed.statusCode).toBe(200)
      expect(changed.headers.etag).not.toBe(etag)
      articles.set(id, details[2])
    })
  })

  describe('issue card', () => {
    it('is a 5:4 PNG with the label and the first titles', async () => {
      const { png, res } = await getPng(`/cards/issues/${issue.id}.png`, 'issue.png')
      expect([png.width, png.height]).toEqual([1000, 800])
      const lines = inkLines(png, { x0: 64, y0: 140, x1: 936, y1: 690 })
      expect(lines.length).toBeGreaterThanOrEqual(5) // the label and four titles
      const etag = res.headers.etag as string
      expect((await get(`/cards/issues/${issue.id}.png`, { 'if-none-match': etag })).statusCode).toBe(304)
    })
  })

  describe('poster', () => {
    it('is a tall PNG carrying the mini-program code for the article', async () => {
      const article = details[1].article
      const before = fake.requests.filter((r) => r.endpoint === 'getwxacodeunlimit').length
      const { png } = await getPng(`/cards/articles/${article.id}/poster.png`, 'poster.png')
      expect([png.width, png.height]).toEqual([750, 1334])
      const codeRequests = fake.requests.filter((r) => r.endpoint === 'getwxacodeunlimit')
      expect(codeRequests).toHaveLength(before + 1)
      expect(codeRequests.at(-1)!.body).toMatchObject({ scene: `a=${article.id}`, page: 'pages/article/index' })
      // The code sits at the bottom left: it must be there, in ink.
      expect(inkPixels(png, { x0: 60, y0: 1060, x1: 280, y1: 1280 }).size).toBeGreaterThan(3000)
      // The title and opening lines above it.
      expect(inkLines(png, { x0: 72, y0: 380, x1: 680, y1: 1000 }).length).toBeGreaterThanOrEqual(6)

      await getPng(`/cards/articles/${article.id}/poster.png`)
      expect(fake.requests.filter((r) => r.endpoint === 'getwxacodeunlimit')).toHaveLength(before + 1)
    })

    it('answers 502 with a JSON error when WeChat gives no code', async () => {
      const id = withTitle(9005, '市总工会系统开展2020年“七·一”主题党日活动')
      fake.injectFault('getwxacodeunlimit', 45009)
      const res = await get(`/cards/articles/${id}/poster.png`)
      expect(res.statusCode).toBe(502)
      expect(res.json()).toEqual({ error: { code: 'wechat-unavailable', message: expect.stringContaining('45009') } })
      const retry = await get(`/cards/articles/${id}/poster.png`)
      expect(retry.statusCode).toBe(200)
    })
  })

  describe('bad requests', () => {
    it.each([
      ['/cards/articles/abc.png', 400, 'bad-id'],
      ['/cards/articles/0.png', 400, 'bad-id'],
      ['/cards/articles/-3.png', 400, 'bad-id'],
      ['/cards/articles/99999999999.png', 400, 'bad-id'],
      ['/cards/issues/1e3.png', 400, 'bad-id'],
      ['/cards/articles/x/poster.png', 400, 'bad-id'],
      ['/cards/articles/424242.png', 404, 'article-not-found'],
      ['/cards/issues/424242.png', 404, 'issue-not-found'],
      ['/cards/articles/424242/poster.png', 404, 'article-not-found'],
      ['/cards/articles/101.jpg', 404, 'not-found'],
    ])('%s → %i %s', async (url, status, code) => {
      const res = await get(url)
      expect(res.statusCode).toBe(status)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(res.json().error.code).toBe(code)
      expect(res.json().error.message).toEqual(expect.any(String))
    })
  })
})
