/**
 * Public reads answered from memory: ready bytes per published version with ETags and compressed
 * forms, one database read per thing however many ask at once, and forgotten when the published
 * version changes, also when the change was made by another process (here: written straight to the
 * storage, so this server's publishing service never hears of it and only the version check can
 * tell). Member-specific reads stay uncached.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, publish, type TestApp } from '../support/app'
import { makeIssue } from '../support/archive'
import type { StoredIssue } from '../../../src/core/bulletin'
import type { IssueList } from '../../../src/core/api'

const RECHECK_MS = 200

describeOnEachBackend('public reads from memory: ETags, compressed forms, invalidation', (backend) => {
  let t: TestApp
  let published: StoredIssue[]
  beforeAll(async () => {
    t = await buildTestApp(backend, { config: { publishedRecheckMs: RECHECK_MS, newIssueTemplateId: 'tmpl-new-issue' } })
    published = []
    for (let n = 1; n <= 4; n++) published.push(await publish(t.storage, makeIssue(2021, n)))
  })
  afterAll(() => t.close())
  afterEach(() => jest.restoreAllMocks())

  const get = (url: string, headers: Record<string, string> = {}) => t.inject({ method: 'GET', url, headers })
  const firstArticle = (issue: StoredIssue) => issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!.id

  /** Polls until `check` holds (another process's publish is seen within PUBLISHED_RECHECK_MS). */
  async function eventually(check: () => Promise<boolean>) {
    const deadline = Date.now() + 10000
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('not seen in 10 s')
      await new Promise((r) => setTimeout(r, RECHECK_MS / 4))
    }
  }

  it('reads each public thing from the database once per published version', async () => {
    const issue = published[1]
    const article = firstArticle(published[2])
    const getIssue = jest.spyOn(t.storage, 'getIssue')
    const getArticle = jest.spyOn(t.storage, 'getArticle')
    const listPublished = jest.spyOn(t.storage, 'listPublished')
    for (let i = 0; i < 3; i++) {
      expect((await get(`/api/issues/${issue.id}`)).statusCode).toBe(200)
      expect((await get(`/api/articles/${article}`)).statusCode).toBe(200)
      expect((await get('/api/issues?limit=2')).statusCode).toBe(200)
    }
    expect(getIssue.mock.calls.filter(([id]) => id === issue.id)).toHaveLength(1)
    expect(getArticle.mock.calls.filter(([id]) => id === article)).toHaveLength(1)
    expect(listPublished.mock.calls.filter(([limit, after]) => limit === 2 && after === undefined)).toHaveLength(1)
  })

  it('shares one database read among many requests for the same thing at once', async () => {
    const article = firstArticle(published[3])
    const getArticle = jest.spyOn(t.storage, 'getArticle')
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(`/api/articles/${article}`)))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200))
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    expect(getArticle.mock.calls.filter(([id]) => id === article)).toHaveLength(1)
  })

  it.each([
    ['the home list', '/api/issues'],
    ['a list page', '/api/issues?limit=2'],
    ['search', '/api/search?q=' + encodeURIComponent('工会')],
    ['the client config', '/api/config'],
  ])('gives %s an ETag and answers 304 when the client has it', async (_name, url) => {
    const res = await get(url)
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(/^W\/".+"$/)
    expect(res.headers['cache-control']).toBeTruthy()
    const again = await get(url, { 'if-none-match': res.headers.etag as string })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(res.headers.etag)
    expect((await get(url, { 'if-none-match': 'W/"another"' })).statusCode).toBe(200)
  })

  it('sends the same JSON as brotli, gzip or as it is, by what the client accepts', async () => {
    const url = `/api/issues/${published[0].id}`
    const plain = await get(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.json()).toEqual(published[0])
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true)
    const gzip = await get(url, { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true)
    expect(Number(gzip.headers['content-length'])).toBe(gzip.rawPayload.length)
    expect(gzip.headers.etag).toBe(plain.headers.etag)
    expect((await get(url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip')
    expect((await get(url, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined()
    expect((await get(url, { 'accept-encoding': 'gzip', 'x-no-compression': '1' })).headers['content-encoding']).toBeUndefined()
    const list = await get('/api/issues', { 'accept-encoding': 'gzip' })
    expect(JSON.parse(gunzipSync(list.rawPayload).toString('utf8'))).toEqual((await get('/api/issues')).json())
    // Small answers go as they are.
    expect((await get('/api/config', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined()
  })

  it('sees what another process published or unpublished, with new ETags', async () => {
    const before = await get('/api/issues')
    const fresh = (await t.storage.saveDraft(makeIssue(2022, 9))).issue
    expect((await get(`/api/issues/${fresh.id}`)).statusCode).toBe(404)
    const hits = async () => ((await get('/api/search?q=' + encodeURIComponent('工会'))).json() as { total: number }).total
    const hitsBefore = await hits()
    await t.storage.publishIssue(fresh.id) // not through this server: only the version check can tell
    await eventually(async () => ((await get('/api/issues')).json() as IssueList).items.some((i) => i.id === fresh.id))
    expect((await get(`/api/issues/${fresh.id}`)).statusCode).toBe(200)
    expect(await hits()).toBeGreaterThan(hitsBefore)
    const after = await get('/api/issues', { 'if-none-match': before.headers.etag as string })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(before.headers.etag)

    await t.storage.unpublishIssue(fresh.id)
    await eventually(async () => (await get(`/api/issues/${fresh.id}`)).statusCode === 404)
    expect(((await get('/api/issues')).json() as IssueList).items.some((i) => i.id === fresh.id)).toBe(false)
  })

  it("keeps members' own reads uncached: favourites change at once and are never public", async () => {
    const { token } = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-caching-000000' } })).json()
    const auth = { authorization: `Bearer ${token}` }
    const article = firstArticle(published[0])
    const empty = await get('/api/me/favourites', auth)
    expect(empty.statusCode).toBe(200)
    expect(empty.json().items).toEqual([])
    expect(empty.headers['cache-control']).toBe('private, no-store')
    expect(empty.headers.etag).toBeUndefined()
    expect((await t.inject({ method: 'PUT', url: `/api/me/favourites/${article}`, headers: auth })).statusCode).toBe(200)
    const one = await get('/api/me/favourites', auth)
    expect(one.json().items.map((f: { articleId: number }) => f.articleId)).toEqual([article])
    expect(one.headers['cache-control']).toBe('private, no-store')
    // Another member sees their own, not a cached answer.
    const other = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-caching-111111' } })).json()
    expect((await get('/api/me/favourites', { authorization: `Bearer ${other.token}` })).json().items).toEqual([])
    // A public read is the same bytes signed in or not.
    expect((await get(`/api/articles/${article}`, auth)).body).toBe((await get(`/api/articles/${article}`)).body)
  })

  it('keeps search answers and the filters as ready bytes of the published version, made again after a publish', async () => {
    const search = t.server.backend.search
    const ask = () => search.searchJson({ q: '工会', offset: 0, limit: 5 }, () => null)
    const first = await ask()
    // Asked again: the very bytes kept (no second ranking, serialising or compressing).
    expect(await ask()).toBe(first)
    const filters = await search.filtersJson()
    expect(await search.filtersJson()).toBe(filters)
    // Another process publishes: the next ask, once the version is seen, is a new answer.
    await publish(t.storage, makeIssue(2009, 1))
    await eventually(async () => (await ask()) !== first)
    const newer = await search.filtersJson()
    expect(newer).not.toBe(filters)
    expect(JSON.parse(newer.bytes.toString('utf8')).years).toContain(2009)
  })
})
