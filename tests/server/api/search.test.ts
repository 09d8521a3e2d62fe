import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, publish, type TestApp } from '../support/app'
import { makeArchive, makeIssue, seededRandom } from '../support/archive'
import type { StoredIssue } from '../../../src/core/bulletin'
import type { SearchFilters, SearchHit, SearchResults } from '../../../src/core/api'
import { bruteForceSearch, randomQueries, rankingViolations } from '../../core/search/brute-force'

describeOnEachBackend('GET /api/search', (backend) => {
  let t: TestApp
  let issues: StoredIssue[]
  let draft: StoredIssue
  beforeAll(async () => {
    t = await buildTestApp(backend)
    issues = []
    for (const issue of makeArchive(40, 5)) issues.push(await publish(t.storage, issue))
    const unpublished = makeIssue(2030, 1)
    const first = unpublished.sections[0].items[0]
    if (first.kind === 'article') first.title = '只在草稿里的独角兽标题'
    draft = (await t.storage.saveDraft(unpublished)).issue
  })
  afterAll(() => t.close())

  async function searchAll(params: Record<string, string>, limit = 17): Promise<{ hits: SearchHit[]; totals: number[] }> {
    const hits: SearchHit[] = []
    const totals: number[] = []
    let cursor: string | null = null
    do {
      const query = new URLSearchParams({ ...params, limit: String(limit), ...(cursor ? { cursor } : {}) })
      const res = await t.inject({ url: `/api/search?${query}` })
      expect(res.statusCode).toBe(200)
      const page = res.json() as SearchResults
      hits.push(...page.items)
      totals.push(page.total)
      cursor = page.nextCursor
    } while (cursor)
    return { hits, totals }
  }

  it('finds exactly what a brute-force scan of the published issues finds, ranked by the rules, across pages', async () => {
    const random = seededRandom(77)
    for (const q of randomQueries(issues, random, 60)) {
      const expected = bruteForceSearch(issues, q)
      const { hits, totals } = await searchAll({ q }, 50)
      const ids = hits.map((h) => h.itemId)
      expect({ q, ids: [...ids].sort((a, b) => a - b) }).toEqual({ q, ids: expected.map((e) => e.itemId).sort((a, b) => a - b) })
      expect(new Set(totals)).toEqual(new Set([expected.length]))
      expect(rankingViolations(ids, expected)).toEqual([])
    }
  })

  it('matches multi-term queries (all terms), full-width input and spaces inside Chinese words', async () => {
    for (const q of ['毕节 就业', '毕 节', '２０２０', '工会　信息短波']) {
      const expected = bruteForceSearch(issues, q)
      const { hits } = await searchAll({ q }, 50)
      expect(hits.map((h) => h.itemId).sort((a, b) => a - b)).toEqual(expected.map((e) => e.itemId).sort((a, b) => a - b))
    }
    expect((await searchAll({ q: '毕节 就业' })).hits.length).toBeGreaterThan(0)
  })

  it('never finds drafts', async () => {
    expect((await searchAll({ q: '独角兽' })).hits).toEqual([])
    expect(draft.status).toBe('draft')
  })

  it('filters by year and section, and describes each hit', async () => {
    const year = issues[3].year
    const { hits } = await searchAll({ q: '工会', year: String(year), section: '信息短波' })
    const expected = bruteForceSearch(issues, '工会', { year, section: '信息短波' })
    expect(hits.map((h) => h.itemId).sort((a, b) => a - b)).toEqual(expected.map((e) => e.itemId).sort((a, b) => a - b))
    const hit = hits[0]
    const issue = issues.find((i) => i.id === hit.issueId)!
    expect(hit).toMatchObject({ kind: 'brief', issueLabel: issue.label, date: issue.date, section: '信息短波' })
    expect(hit.snippetRanges.length).toBeGreaterThan(0)
    const [s, e] = hit.snippetRanges[0]
    expect(hit.snippet.slice(s, e)).toContain('工会')
  })

  it.each([
    ['', 'querystring'],
    ['q=', 'querystring/q'],
    ['q=%20%E3%80%80', 'query/q'],
    ['q=a&limit=0', 'querystring/limit'],
    ['q=a&limit=500', 'querystring/limit'],
    ['q=a&cursor=bad', 'query/cursor'],
    ['q=a&year=abc', 'querystring/year'],
    ['q=a&sort=date', "unknown field 'sort'"],
    [`q=${'长'.repeat(201)}`, 'querystring/q'],
  ])('answers 400 for ?%s naming %s', async (query, field) => {
    const res = await t.inject({ url: `/api/search?${query}` })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain(field)
  })

  it('sees a newly published issue at once', async () => {
    const fresh = makeIssue(2031, 2)
    const item = fresh.sections[1].items[0]
    if (item.kind === 'article') item.title = '新鲜出炉的麒麟标题'
    expect((await searchAll({ q: '麒麟' })).hits).toEqual([])
    const stored = (await t.storage.saveDraft(fresh)).issue
    await t.inject({ method: 'POST', url: `/api/admin/issues/${stored.id}/publish`, headers: { authorization: `Bearer ${t.config.adminToken}` } })
    const { hits } = await searchAll({ q: '麒麟' })
    expect(hits.map((h) => h.title)).toEqual(['新鲜出炉的麒麟标题'])
    expect(hits[0].titleRanges).toEqual([['新鲜出炉的'.length, '新鲜出炉的麒麟'.length]])
  })

  it('lists every year and section of the published archive for the filters, never a draft', async () => {
    // An old issue with a section no other has: older than every issue home shows first.
    const old = makeIssue(2009, 4)
    old.sections[0].name = '〔经验做法〕'
    await publish(t.storage, old)
    const res = await t.inject({ url: '/api/search/filters' })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toMatch(/^W\//)
    const filters = res.json() as SearchFilters
    const published = (await t.storage.listAll()).filter((i) => i.status === 'published')
    expect(filters.years).toEqual([...new Set(published.map((i) => i.year))].sort((a, b) => b - a))
    expect(filters.years).toContain(2009)
    expect(filters.years).not.toContain(draft.year)
    // Each section once, the newest issues' first; the old issue's own last.
    expect(filters.sections).toEqual(['要情动态', '工作交流', '信息短波', '〔经验做法〕'])
    expect((await t.inject({ url: '/api/search/filters', headers: { 'if-none-match': res.headers.etag as string } })).statusCode).toBe(304)
  })
})
