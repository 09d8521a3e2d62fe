/**
 * The console's preview link: the token names one draft and expires; with it the reader's issue and
 * article reads (and the page addresses) show that draft, uncached; without it, or with a token for
 * another issue, a forged one or an expired one, drafts stay 404 and out of lists and search.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { StoredIssue } from '../../../src/core/bulletin'
import { createApp } from '../../../src/server/app'
import { createWechatClient } from '../../../src/server/wechat/client'
import { issuePreviewToken, verifyPreviewToken } from '../../../src/server/auth/preview-token'
import { buildTestApp, type TestApp } from '../support/app'
import { listen, request } from '../support/http'
import { describeOnEachBackend } from '../support/storages'
import { addEditor, multipart, sampleNumbered, signIn, type Browser } from './support'

const SECRET = 'preview-test-secret-'.padEnd(40, 'x')
const TEMPLATE =
  '<!doctype html><html lang="zh-CN"><head><title>工会信息</title><script defer src="/js/app.0123abcd.js"></script></head>' +
  '<body><div id="app"></div><div id="boot-shell"><div id="boot-body" style="padding:16px">正在打开…</div></div></body></html>'

describe('preview tokens', () => {
  it('name one issue, and stop working after an hour or when changed', () => {
    const now = Date.parse('2026-12-01T10:00:00Z')
    const { token, expiresAt } = issuePreviewToken(SECRET, 42, now)
    expect(expiresAt).toBe('2026-12-01T11:00:00.000Z')
    expect(verifyPreviewToken(SECRET, token, now)).toBe(42)
    expect(verifyPreviewToken(SECRET, token, now + 3600_000)).toBeNull()
    expect(verifyPreviewToken('another-secret'.padEnd(40, 'y'), token, now)).toBeNull()
    expect(verifyPreviewToken(SECRET, token.replace('p1.42.', 'p1.43.'), now)).toBeNull()
    expect(verifyPreviewToken(SECRET, undefined, now)).toBeNull()
  })
})

describeOnEachBackend('console preview of a draft', (backend) => {
  let t: TestApp
  let app: FastifyInstance
  let dir: string
  let editor: Browser
  let draft: StoredIssue
  let other: StoredIssue
  let url: string
  let token: string
  let call: (u: string) => ReturnType<typeof request>

  beforeAll(async () => {
    t = await buildTestApp(backend)
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-preview-'))
    mkdirSync(path.join(dir, 'js'))
    writeFileSync(path.join(dir, 'index.html'), TEMPLATE)
    writeFileSync(path.join(dir, 'js', 'app.0123abcd.js'), '')
    app = await createApp({
      backend: t.server.backend,
      cards: t.server.cards,
      wechat: createWechatClient({ baseUrl: t.fake.baseUrl, appid: t.fake.appid, secret: t.fake.secret }),
      sessionSecret: SECRET,
      staticDir: dir,
    })
    const base = await listen(app)
    call = (u) => request(base, { url: u })
    await addEditor(t, '王编辑', 'editor')
    editor = await signIn({ ...t, inject: (req) => request(base, req) }, '王编辑')
    const body = multipart([
      { name: 'a.md', content: sampleNumbered('五十') },
      { name: 'b.md', content: sampleNumbered('五十一') },
    ])
    const reports = (await editor.send({ method: 'POST', url: '/api/console/issues', payload: body.payload, headers: body.headers })).json().reports
    draft = (await t.storage.getIssue(reports[0].id, { includeDrafts: true }))!
    other = (await t.storage.getIssue(reports[1].id, { includeDrafts: true }))!
    const res = await editor.send({ method: 'POST', url: `/api/console/issues/${draft.id}/preview` })
    expect(res.statusCode).toBe(200)
    ;({ url } = res.json())
    token = new URL(url, 'http://x').searchParams.get('preview')!
  })
  afterAll(async () => {
    await app?.close()
    await t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const firstArticle = (issue: StoredIssue) => issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!

  it('gives a reader address for the draft that expires within the hour, and writes it to the audit log', async () => {
    expect(url).toMatch(new RegExp(`^/issues/${draft.id}\\?preview=p1\\.`))
    const res = await editor.send({ method: 'POST', url: `/api/console/issues/${draft.id}/preview` })
    const minutes = (Date.parse(res.json().expiresAt) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(55)
    expect(minutes).toBeLessThanOrEqual(60)
    const audit = (await editor.send({ url: `/api/console/audit?issueId=${draft.id}` })).json().items
    expect(audit[0]).toMatchObject({ action: 'preview', editor: '王编辑', issueId: draft.id })
  })

  it('shows the draft issue and its articles with the token, never cached', async () => {
    const issue = await call(`/api/issues/${draft.id}?preview=${token}`)
    expect(issue.statusCode).toBe(200)
    expect(issue.headers['cache-control']).toBe('no-store')
    expect(issue.json()).toMatchObject({ id: draft.id, status: 'draft', label: '〔2020〕第五十期' })
    const article = await call(`/api/articles/${firstArticle(draft).id}?preview=${token}`)
    expect(article.statusCode).toBe(200)
    expect(article.headers['cache-control']).toBe('no-store')
    expect(article.json().issue.id).toBe(draft.id)
    const page = await call(`/issues/${draft.id}?preview=${token}`)
    expect(page.statusCode).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.body).toContain('/js/app.0123abcd.js') // the app itself, which then reads the draft
  })

  it('shows nothing else: not without the token, not another draft, not with a forged token', async () => {
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    for (const u of [
      `/api/issues/${draft.id}`,
      `/api/issues/${other.id}?preview=${token}`,
      `/api/issues/${draft.id}?preview=${forged}`,
      `/api/issues/${draft.id}?preview=${issuePreviewToken(SECRET, draft.id, Date.now() - 2 * 3600_000).token}`,
      `/api/articles/${firstArticle(draft).id}`,
      `/api/articles/${firstArticle(other).id}?preview=${token}`,
    ]) {
      expect([u, (await call(u)).statusCode]).toEqual([u, 404])
    }
    expect((await call(`/issues/${draft.id}`)).statusCode).toBe(404)
    expect((await call(`/issues/${other.id}?preview=${token}`)).statusCode).toBe(404)
    const list = (await call('/api/issues')).json().items.map((i: { id: number }) => i.id)
    expect(list).not.toContain(draft.id)
    const search = (await call(`/api/search?q=${encodeURIComponent('工会')}`)).json().items.map((h: { issueId: number }) => h.issueId)
    expect(search).not.toContain(draft.id)
    // An empty token is a bad request, not a way round the check.
    expect((await call(`/api/issues/${draft.id}?preview=`)).statusCode).toBe(400)
  })

  it("shows the draft's pictures with its token only, uncached", async () => {
    const docx = readFileSync(path.join(__dirname, '../../fixtures/corpus/word-table-photo.docx'))
    const body = multipart([{ name: 'photo.docx', content: docx }])
    const [report] = (await editor.send({ method: 'POST', url: '/api/console/issues', payload: body.payload, headers: body.headers })).json().reports
    const pictured = (await t.storage.getIssue(report.id, { includeDrafts: true }))!
    const mediaId = pictured.sections
      .flatMap((s) => s.items)
      .flatMap((i) => (i.kind === 'article' ? (i.blocks ?? []) : []))
      .find((b) => b.kind === 'image')
    if (!mediaId || mediaId.kind !== 'image' || !mediaId.mediaId) throw new Error('the fixture has no picture')
    const link = (await editor.send({ method: 'POST', url: `/api/console/issues/${report.id}/preview` })).json().url as string
    const own = new URL(link, 'http://x').searchParams.get('preview')!
    const shown = await call(`/api/media/${mediaId.mediaId}?w=750&preview=${own}`)
    expect([shown.statusCode, shown.headers['cache-control'], shown.headers['content-type']]).toEqual([200, 'no-store', expect.stringMatching(/^image\//)])
    expect((await call(`/api/media/${mediaId.mediaId}?w=750`)).statusCode).toBe(404)
    expect((await call(`/api/media/${mediaId.mediaId}?w=750&preview=${token}`)).statusCode).toBe(404) // another draft's token
  })
})
