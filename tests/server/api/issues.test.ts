import { gunzipSync } from 'node:zlib'
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, publish, type TestApp } from '../support/app'
import { makeIssue } from '../support/archive'
import type { StoredIssue } from '../../../src/core/bulletin'
import type { ArticleDetail, IssueList, IssueSummary } from '../../../src/core/api'

describeOnEachBackend('GET /api/issues, /api/issues/:id, /api/articles/:id', (backend) => {
  let t: TestApp
  let published: StoredIssue[]
  let draft: StoredIssue
  beforeAll(async () => {
    t = await buildTestApp(backend)
    published = []
    for (let n = 1; n <= 7; n++) published.push(await publish(t.storage, makeIssue(2020, n)))
    draft = (await t.storage.saveDraft(makeIssue(2020, 30))).issue
  })
  afterAll(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.inject({ method: 'GET', url, headers })

  it('shows members an issue list row without what only editors see', async () => {
    const row = ((await get('/api/issues?limit=1')).json() as IssueList).items[0]
    expect(Object.keys(row).sort()).toEqual(['contents', 'date', 'id', 'label', 'number', 'publishedAt', 'year'])
  })

  it('lists published issues newest first, page by page, with contents, never drafts', async () => {
    const seen: IssueSummary[] = []
    let url = '/api/issues?limit=3'
    for (;;) {
      const res = await get(url)
      expect(res.statusCode).toBe(200)
      const page = res.json() as IssueList
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...page.items)
      if (!page.nextCursor) break
      url = `/api/issues?limit=3&cursor=${encodeURIComponent(page.nextCursor)}`
    }
    const expected = [...published].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1))
    expect(seen.map((s) => s.id)).toEqual(expected.map((i) => i.id))
    expect(seen.some((s) => s.id === draft.id)).toBe(false)
    const first = seen[0]
    const full = expected[0]
    expect(first).toEqual({
      id: full.id,
      label: full.label,
      year: full.year,
      number: full.number,
      date: full.date,
      publishedAt: full.publishedAt,
      contents: full.sections.map((s) => ({
        name: s.name,
        articles: s.items.flatMap((i) => (i.kind === 'article' ? [{ id: i.id, title: i.title }] : [])),
        briefCount: s.items.filter((i) => i.kind === 'brief').length,
      })),
    })
  })

  it.each([
    ['/api/issues?limit=0', 'querystring/limit'],
    ['/api/issues?limit=abc', 'querystring/limit'],
    ['/api/issues?limit=51', 'querystring/limit'],
    ['/api/issues?cursor=nonsense', 'query/cursor'],
    ['/api/issues?cursor=' + Buffer.from('{"d":"2020-01-01","i":-1}').toString('base64url'), 'query/cursor'],
    ['/api/issues?colour=red', "unknown field 'colour'"],
    ['/api/issues/abc', 'params/id'],
    ['/api/issues/0', 'params/id'],
    ['/api/issues/99999999999', 'params/id'],
    ['/api/articles/1.5', 'params/id'],
    ['/api/articles/1?full=yes', "unknown field 'full'"],
  ])('answers 400 naming the field for %s', async (url, field) => {
    const res = await get(url)
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json().error.message).toContain(field)
    expect(typeof res.json().error.code).toBe('string')
  })

  it('serves a whole published issue with an ETag and Cache-Control, and 304 on a match', async () => {
    const issue = published[2]
    const res = await get(`/api/issues/${issue.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(issue)
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const etag = res.headers.etag as string
    expect(etag).toBeTruthy()
    const again = await get(`/api/issues/${issue.id}`, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const other = await get(`/api/issues/${issue.id}`, { 'if-none-match': '"something-else"' })
    expect(other.statusCode).toBe(200)
  })

  it('compresses large answers when the client accepts gzip', async () => {
    const res = await get(`/api/issues/${published[0].id}`, { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))).toEqual(published[0])
  })

  it('answers 404 in JSON for drafts and missing issues and articles', async () => {
    for (const url of [`/api/issues/${draft.id}`, '/api/issues/987654', `/api/articles/${draft.sections[0].items[0].id}`, '/api/articles/987654']) {
      const res = await get(url)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toMatch(/not-found/)
    }
  })

  it('serves an article with its issue, section and neighbours; briefs are not articles', async () => {
    const issue = published[4]
    const articles = issue.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'article' ? [{ item: i, section: s.name }] : [])))
    for (const [index, { item, section }] of articles.entries()) {
      const res = await get(`/api/articles/${item.id}`)
      expect(res.statusCode).toBe(200)
      expect(res.headers.etag).toBeTruthy()
      const detail = res.json() as ArticleDetail
      expect(detail).toEqual({
        article: item,
        issue: { id: issue.id, label: issue.label, date: issue.date, masthead: issue.masthead },
        section,
        previousId: index > 0 ? articles[index - 1].item.id : null,
        nextId: index + 1 < articles.length ? articles[index + 1].item.id : null,
      })
    }
    const brief = issue.sections[2].items[0]
    expect((await get(`/api/articles/${brief.id}`)).statusCode).toBe(404)
  })

  it('returns text as JSON strings, never as HTML', async () => {
    const issue = makeIssue(2015, 1)
    const first = issue.sections[0].items[0]
    if (first.kind === 'article') first.paragraphs[0] = '<script>alert(1)</script> & <b>粗体</b>'
    const stored = await publish(t.storage, issue)
    const res = await get(`/api/articles/${stored.sections[0].items[0].id}`)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json().article.paragraphs[0]).toBe('<script>alert(1)</script> & <b>粗体</b>')
  })

  it('sees a newly published issue and forgets an unpublished one at once (no stale cache)', async () => {
    const issue = published[5]
    expect((await get(`/api/issues/${issue.id}`)).statusCode).toBe(200)
    await t.storage.unpublishIssue(issue.id)
    expect((await get(`/api/issues/${issue.id}`)).statusCode).toBe(404)
    await t.storage.publishIssue(issue.id)
    expect((await get(`/api/issues/${issue.id}`)).statusCode).toBe(200)
  })
})
