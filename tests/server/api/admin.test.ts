import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describeOnEachBackend } from '../support/storages'
import { admin, buildTestApp, ADMIN_TOKEN, type TestApp } from '../support/app'
import type { AdminImportResponse } from '../../../src/core/api'
import { markdownToDocx } from '../import/make-docx'

const SAMPLE = readFileSync(path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md'), 'utf8')
/** The sample as another issue: same text, another number. */
const sampleNumbered = (chinese: string) => SAMPLE.replace('〔2020〕第二十期', `〔2020〕第${chinese}期`)

function multipart(fileName: string, content: Buffer | string, type = 'application/octet-stream') {
  const boundary = '----ubtest' + Math.random().toString(16).slice(2)
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: ${type}\r\n\r\n`
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)])
  return { payload, headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describeOnEachBackend('admin API', (backend) => {
  let t: TestApp
  const published: number[] = []
  beforeAll(async () => {
    t = await buildTestApp(backend, {
      hooks: {
        onPublish: async (issue) => {
          if (issue.number === 13) throw new Error('notification enqueue failed')
          published.push(issue.id)
        },
      },
    })
  })
  afterAll(() => t.close())

  const importMd = (text: string, query = '') =>
    t.inject({ method: 'POST', url: `/api/admin/issues${query}`, headers: { ...admin, 'content-type': 'text/markdown; charset=utf-8' }, payload: text })

  it('refuses requests without the token (401) or with a wrong one (403), before reading the body', async () => {
    const none = await t.inject({ method: 'GET', url: '/api/admin/issues' })
    expect(none.statusCode).toBe(401)
    expect(none.json().error.code).toBe('unauthorized')
    const wrong = await t.inject({ method: 'GET', url: '/api/admin/issues', headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } })
    expect(wrong.statusCode).toBe(403)
    const upload = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: { 'content-type': 'text/markdown' }, payload: SAMPLE })
    expect(upload.statusCode).toBe(401)
    expect((await t.inject({ method: 'GET', url: '/api/admin/issues' })).statusCode).toBe(401)
  })

  it('imports a Markdown body as a draft: 201, id at the top level, warnings, not public yet', async () => {
    const res = await importMd(SAMPLE)
    expect(res.statusCode).toBe(201)
    const body = res.json() as AdminImportResponse
    expect(body.id).toEqual(expect.any(Number))
    expect(body).toMatchObject({ status: 'draft', year: 2020, number: 20, label: '〔2020〕第二十期', date: '2020-07-13', replaced: false })
    expect(Array.isArray(body.warnings)).toBe(true)
    expect(body.sections.length).toBeGreaterThan(0)
    expect((await t.inject({ url: `/api/issues/${body.id}` })).statusCode).toBe(404)
    const list = await t.inject({ url: '/api/admin/issues', headers: admin })
    expect(list.json().items.map((i: { id: number; status: string }) => [i.id, i.status])).toContainEqual([body.id, 'draft'])
    expect((await t.inject({ url: `/api/admin/issues/${body.id}`, headers: admin })).json()).toEqual({ ...body, replaced: undefined, importedAt: body.importedAt })
  })

  it('answers 422 with the importer errors and their lines for a document that is not an issue, storing nothing', async () => {
    const before = (await t.inject({ url: '/api/admin/issues', headers: admin })).json().items.length
    const res = await importMd('这不是一期工会信息。\n只是两行字。\n')
    expect((await t.inject({ url: '/api/admin/issues', headers: admin })).json().items.length).toBe(before)
    expect(res.statusCode).toBe(422)
    const error = res.json().error
    expect(error.code).toBe('import-failed')
    expect(error.details.errors.length).toBeGreaterThan(0)
    for (const problem of error.details.errors) {
      expect(problem).toEqual({ code: expect.any(String), line: problem.line === null ? null : expect.any(Number), message: expect.any(String) })
    }
    const empty = await importMd('')
    expect([400, 422]).toContain(empty.statusCode)
  })

  it('replaces a draft with the same year and number; refuses (409) a published one unless ?replace=true', async () => {
    const first = (await importMd(sampleNumbered('二十一'))).json() as AdminImportResponse
    const again = await importMd(sampleNumbered('二十一').replace('市总工会系统', '全市工会系统'))
    expect(again.statusCode).toBe(201)
    expect(again.json()).toMatchObject({ id: first.id, replaced: true })
    const publish = await t.inject({ method: 'POST', url: `/api/admin/issues/${first.id}/publish`, headers: admin })
    expect(publish.statusCode).toBe(200)
    expect(publish.json()).toMatchObject({ id: first.id, status: 'published' })
    expect(published).toContain(first.id)
    expect((await t.inject({ url: `/api/issues/${first.id}` })).statusCode).toBe(200)

    const conflict = await importMd(sampleNumbered('二十一'))
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().error.message).toContain('replace=true')
    const replaced = await importMd(sampleNumbered('二十一'), '?replace=true')
    expect(replaced.statusCode).toBe(201)
    expect(replaced.json()).toMatchObject({ id: first.id, status: 'published', replaced: true })
  })

  it('publishes idempotently, unpublishes, deletes, and answers 404 for unknown ids', async () => {
    const { id } = (await importMd(sampleNumbered('二十二'))).json()
    for (let i = 0; i < 2; i++) expect((await t.inject({ method: 'POST', url: `/api/admin/issues/${id}/publish`, headers: admin })).statusCode).toBe(200)
    expect(published.filter((p) => p === id)).toHaveLength(1)
    const un = await t.inject({ method: 'POST', url: `/api/admin/issues/${id}/unpublish`, headers: admin })
    expect(un.json()).toMatchObject({ id, status: 'draft', publishedAt: null })
    expect((await t.inject({ url: `/api/issues/${id}` })).statusCode).toBe(404)
    expect((await t.inject({ method: 'DELETE', url: `/api/admin/issues/${id}`, headers: admin })).statusCode).toBe(204)
    for (const [method, url] of [
      ['DELETE', `/api/admin/issues/${id}`],
      ['POST', `/api/admin/issues/${id}/publish`],
      ['POST', `/api/admin/issues/${id}/unpublish`],
      ['GET', `/api/admin/issues/${id}`],
    ]) {
      const res = await t.inject({ method, url, headers: admin })
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('issue-not-found')
    }
    expect((await t.inject({ method: 'POST', url: '/api/admin/issues/abc/publish', headers: admin })).statusCode).toBe(400)
  })

  it('leaves the issue a draft when the publish hook fails inside the transaction (no details leak)', async () => {
    const { id } = (await importMd(sampleNumbered('十三'))).json()
    const res = await t.inject({ method: 'POST', url: `/api/admin/issues/${id}/publish`, headers: admin })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } })
    expect(res.body).not.toContain('notification enqueue failed')
    expect((await t.inject({ url: `/api/admin/issues/${id}`, headers: admin })).json().status).toBe('draft')
    expect((await t.inject({ url: `/api/issues/${id}` })).statusCode).toBe(404)
  })

  it('accepts plain text and multipart .md uploads; refuses other media types (415) and bodies over 5 MB (413)', async () => {
    const plain = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: { ...admin, 'content-type': 'text/plain' }, payload: sampleNumbered('二十三') })
    expect(plain.statusCode).toBe(201)
    expect(plain.json().number).toBe(23)
    const upload = multipart('第二十四期.md', sampleNumbered('二十四'), 'text/markdown')
    const res = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: upload.headers, payload: upload.payload })
    expect(res.statusCode).toBe(201)
    expect(res.json().number).toBe(24)
    const pdf = multipart('issue.pdf', '%PDF-1.4')
    const refused = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: pdf.headers, payload: pdf.payload })
    expect(refused.statusCode).toBe(422)
    const json = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: admin, payload: { text: SAMPLE } })
    expect(json.statusCode).toBe(415)
    expect(json.json().error.code).toBe('unsupported-media-type')
    const huge = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: { ...admin, 'content-type': 'text/plain' }, payload: 'x'.repeat(5 * 1024 * 1024 + 10) })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('payload-too-large')
    const hugeFile = multipart('big.md', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41))
    const tooBig = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: hugeFile.headers, payload: hugeFile.payload })
    expect(tooBig.statusCode).toBe(413)
  })

  it('imports a Word .docx, as a multipart file and as a raw body', async () => {
    const { bytes } = await markdownToDocx(sampleNumbered('二十五'), 'paragraphs')
    const upload = multipart('第二十五期.docx', Buffer.from(bytes), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const res = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: upload.headers, payload: upload.payload })
    expect(res.statusCode).toBe(201)
    const fromMarkdown = (await importMd(sampleNumbered('二十六'))).json() as AdminImportResponse
    const fromWord = res.json() as AdminImportResponse
    expect(fromWord).toMatchObject({ number: 25, label: '〔2020〕第二十五期', date: fromMarkdown.date })
    expect(fromWord.sections.map((s) => [s.name, s.items.length])).toEqual(fromMarkdown.sections.map((s) => [s.name, s.items.length]))
    const raw = await t.inject({
      method: 'POST',
      url: '/api/admin/issues',
      headers: { ...admin, 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      payload: Buffer.from((await markdownToDocx(sampleNumbered('二十七'), 'paragraphs')).bytes),
    })
    expect(raw.statusCode).toBe(201)
    expect(raw.json().number).toBe(27)
    const broken = multipart('坏文件.docx', Buffer.from('PK this is not really a zip'))
    const unreadable = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: broken.headers, payload: broken.payload })
    expect(unreadable.statusCode).toBe(422)
    expect(unreadable.json().error.details.errors[0].code).toBe('unreadable-docx')
  })

  it('rejects unknown query fields', async () => {
    const res = await importMd(SAMPLE, '?replace=true&force=1')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain("unknown field 'force'")
  })
})

describeOnEachBackend('admin API without ADMIN_TOKEN', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend, { config: { adminToken: null } })
  })
  afterAll(() => t.close())

  it('is off: every admin route answers 404 with a clear message, whatever token is sent', async () => {
    for (const headers of [{}, admin]) {
      const res = await t.inject({ url: '/api/admin/issues', headers })
      expect(res.statusCode).toBe(404)
      expect(res.json().error).toEqual({ code: 'admin-disabled', message: expect.stringContaining('ADMIN_TOKEN') })
    }
  })
})
