/**
 * The card routes as the server mounts them: under /api in the real app, reading articles and issues
 * from real storage (SQLite, and PostgreSQL when available) into which the sample bulletin was
 * imported and published.
 */
import { readFileSync } from 'node:fs'
import type { Storage } from '../../../src/server/storage/storage'
import { importText } from '../../../src/core/import/index'
import { buildTestApp, publish, type TestApp } from '../support/app'
import { describeOnEachBackend } from '../support/storages'
import { decodePng } from './png'
import { SAMPLE_FILE } from './sample-data'

describeOnEachBackend('card routes mounted in the app', (backend) => {
  let t: TestApp
  let storage: Storage
  let issueId: number
  let articleId: number
  let draftArticleId: number

  beforeAll(async () => {
    t = await buildTestApp(backend)
    storage = t.storage
    const imported = importText(readFileSync(SAMPLE_FILE, 'utf8'))
    if (!imported.ok) throw new Error('sample does not import')
    const published = await publish(storage, imported.issue)
    issueId = published.id
    articleId = published.sections[0].items.find((i) => i.kind === 'article')!.id
    const draft = await storage.saveDraft({ ...imported.issue, number: imported.issue.number + 1, label: '〔2020〕第二十一期' })
    draftArticleId = draft.issue.sections[0].items[0].id
  })
  afterAll(async () => {
    await t?.close()
  })

  it('serves the article card, issue card and poster of a published issue as PNGs', async () => {
    for (const [url, size] of [
      [`/api/cards/articles/${articleId}.png`, [1000, 800]],
      [`/api/cards/issues/${issueId}.png`, [1000, 800]],
      [`/api/cards/articles/${articleId}/poster.png`, [750, 1334]],
    ] as const) {
      const res = await t.inject({ url })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      const png = decodePng(res.rawPayload)
      expect([png.width, png.height]).toEqual(size)
      const again = await t.inject({ url, headers: { 'if-none-match': res.headers.etag as string } })
      expect(again.statusCode).toBe(304)
    }
  })

  it('has no card for an article of a draft, nor for an unknown issue', async () => {
    const res = await t.inject({ url: `/api/cards/articles/${draftArticleId}.png` })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('article-not-found')
    expect((await t.inject({ url: '/api/cards/issues/999999.png' })).statusCode).toBe(404)
    expect((await t.inject({ url: '/api/cards/issues/abc.png' })).json().error.code).toBe('bad-id')
  })

  it('serves the mini-program code that opens home, asked of WeChat once', async () => {
    const asked = () => t.fake.requests.filter((r) => r.endpoint === 'getwxacodeunlimit' && (r.body as { page?: string })?.page === 'pages/index/index')
    const before = asked().length
    const res = await t.inject({ url: '/api/cards/home-code.png' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    const png = decodePng(res.rawPayload)
    expect(png.width).toBe(png.height)
    expect((await t.inject({ url: '/api/cards/home-code.png', headers: { 'if-none-match': res.headers.etag as string } })).statusCode).toBe(304)
    expect((await t.inject({ url: '/api/cards/home-code.png' })).statusCode).toBe(200)
    expect(asked().length).toBe(before + 1)
    expect((asked()[before].body as { scene?: string }).scene).toBe('home')
  })
})
