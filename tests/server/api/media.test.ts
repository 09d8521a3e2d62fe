/**
 * GET /api/media/:id: a published issue's pictures, real PNG and JPEG bytes resized with sharp to
 * the asked width, cached for a year (ETag, 304); drafts' pictures only through /api/admin/media/:id
 * with the token; 400 for a bad id or width, 404 JSON for an unknown picture. A .docx imported
 * through the admin API stores its pictures with the draft.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describeOnEachBackend } from '../support/storages'
import { admin, buildTestApp, type TestApp } from '../support/app'
import { makeIssue } from '../support/archive'
import { articleWithBlocks, picture, withArticle } from '../support/pictures'
import type { ImportedMedia } from '../../../src/server/import/media'
import { DOCX_TYPE } from '../../../src/server/routes/admin'

const DOCX = readFileSync(path.join(__dirname, '../../fixtures/corpus/word-pictures.docx'))
const EXPECTED = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/corpus/word-pictures.expected.json'), 'utf8'))
const docxMediaIds = (JSON.stringify(EXPECTED).match(/"mediaId":"[0-9a-f]{64}"/g) ?? []).map((m) => m.slice(11, -1))

describeOnEachBackend('media API', (backend) => {
  let t: TestApp
  let png: ImportedMedia
  let jpeg: ImportedMedia
  let issueId: number
  beforeAll(async () => {
    t = await buildTestApp(backend)
    png = await picture('png', 1600, 1000)
    jpeg = await picture('jpeg', 1200, 900, { r: 30, g: 160, b: 60 })
    issueId = (await t.storage.saveDraft(withArticle(makeIssue(2026, 1), articleWithBlocks([png, jpeg])), { media: [png, jpeg] })).issue.id
  })
  afterAll(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.inject({ url, headers })

  it("keeps a draft's pictures private: 404 to the public, the bytes with the admin token", async () => {
    const open = await get(`/api/media/${png.id}`)
    expect(open.statusCode).toBe(404)
    expect(open.json().error.code).toBe('media-not-found')
    expect((await get(`/api/admin/media/${png.id}`)).statusCode).toBe(401)
    const editor = await get(`/api/admin/media/${png.id}?w=480`, admin)
    expect(editor.statusCode).toBe(200)
    expect(editor.headers['cache-control']).toBe('private, no-store')
    expect((await sharp(editor.rawPayload).metadata()).width).toBe(480)
  })

  it('serves a published picture resized, as a year-long immutable answer with an ETag', async () => {
    await t.storage.publishIssue(issueId)
    for (const [media, format] of [
      [png, 'png'],
      [jpeg, 'jpeg'],
    ] as const) {
      const answer = await get(`/api/media/${media.id}?w=750`)
      expect(answer.statusCode).toBe(200)
      expect(answer.headers['content-type']).toBe(`image/${format}`)
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(answer.headers.etag).toBe(`"${media.id}-w750"`)
      const meta = await sharp(answer.rawPayload).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual([format, 750, Math.round((750 * media.height!) / media.width!)])
      expect(answer.rawPayload.length).toBeLessThan(media.bytes.length * 2)
      const again = await get(`/api/media/${media.id}?w=750`, { 'if-none-match': answer.headers.etag as string })
      expect(again.statusCode).toBe(304)
      // Without w: the picture as stored, byte for byte.
      const whole = await get(`/api/media/${media.id}`)
      expect(Buffer.compare(whole.rawPayload, Buffer.from(media.bytes))).toBe(0)
      expect(whole.headers.etag).toBe(`"${media.id}"`)
    }
    // A width above the picture's own gives the picture as stored (never enlarged).
    const small = await picture('png', 200, 100, { r: 5, g: 5, b: 5 })
    const { issue } = await t.storage.saveDraft(withArticle(makeIssue(2026, 2), articleWithBlocks([small])), { media: [small] })
    await t.storage.publishIssue(issue.id)
    const big = await get(`/api/media/${small.id}?w=1080`)
    expect((await sharp(big.rawPayload).metadata()).width).toBe(200)
  })

  it('answers 400 for a bad id or width, 404 JSON for an unknown picture', async () => {
    for (const bad of ['abc', png.id.toUpperCase(), png.id + '0', '../' + png.id.slice(3)]) {
      const answer = await get(`/api/media/${encodeURIComponent(bad)}`)
      expect([bad, answer.statusCode, answer.json().error.code]).toEqual([bad, 400, 'bad-id'])
    }
    for (const w of ['751', 'abc', '-1', '750.0', '']) {
      const answer = await get(`/api/media/${png.id}?w=${w}`)
      expect([w, answer.statusCode, answer.json().error.code]).toEqual([w, 400, 'bad-width'])
    }
    expect((await get(`/api/media/${png.id}?x=1`)).statusCode).toBe(400)
    const unknown = await get(`/api/media/${'0'.repeat(64)}`)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers['content-type']).toMatch(/^application\/json/)
  })

  it('stores the pictures of an imported .docx with its draft, public once published', async () => {
    expect(docxMediaIds.length).toBeGreaterThan(0)
    const imported = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: { ...admin, 'content-type': DOCX_TYPE }, payload: DOCX })
    expect(imported.statusCode).toBe(201)
    const id = imported.json().id as number
    for (const mediaId of docxMediaIds) {
      expect((await get(`/api/media/${mediaId}`)).statusCode).toBe(404)
      expect((await get(`/api/admin/media/${mediaId}`, admin)).statusCode).toBe(200)
    }
    expect((await t.inject({ method: 'POST', url: `/api/admin/issues/${id}/publish`, headers: admin })).statusCode).toBe(200)
    for (const mediaId of docxMediaIds) {
      const answer = await get(`/api/media/${mediaId}?w=240`)
      expect(answer.statusCode).toBe(200)
      expect((await sharp(answer.rawPayload).metadata()).width).toBeGreaterThan(0)
    }
    expect((await t.inject({ method: 'DELETE', url: `/api/admin/issues/${id}`, headers: admin })).statusCode).toBe(204)
    for (const mediaId of docxMediaIds) expect((await get(`/api/admin/media/${mediaId}`, admin)).statusCode).toBe(404)
  })
})
