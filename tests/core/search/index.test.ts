import { createSearchIndex, createSearchIndexAsync, issueToSearchDocuments } from '../../../src/core/search'
import type { StoredIssue } from '../../../src/core/bulletin'
import { seededRandom } from '../../server/support/archive'
import { storedArchive } from './stored-archive'
import { bruteForceSearch, randomQueries, rankingViolations, referenceFold, referenceTerms, fieldsOf } from './brute-force'

describe('search index (core)', () => {
  const issues = storedArchive(80, 11)
  const index = createSearchIndex(issues.flatMap(issueToSearchDocuments))
  const everything = (q: string, filter: { year?: number; section?: string } = {}) => index.search({ q, offset: 0, limit: 1_000_000, ...filter })

  it('finds exactly the items containing every term, for random substrings of length 1..8 and term pairs', () => {
    const random = seededRandom(2024)
    for (const q of randomQueries(issues, random, 400)) {
      const expected = bruteForceSearch(issues, q)
      const result = everything(q)
      expect({ q, ids: result.hits.map((h) => h.itemId).sort((a, b) => a - b) }).toEqual({ q, ids: expected.map((e) => e.itemId).sort((a, b) => a - b) })
      expect(result.total).toBe(expected.length)
      expect(
        rankingViolations(
          result.hits.map((h) => h.itemId),
          expected,
        ),
      ).toEqual([])
    }
  })

  it('finds nothing for text that is nowhere, and applies the year and section filters', () => {
    expect(everything('不存在的词语组合').total).toBe(0)
    const q = '工会'
    const year = issues[0].year
    const filtered = everything(q, { year, section: '信息短波' })
    const expected = bruteForceSearch(issues, q, { year, section: '信息短波' })
    expect(filtered.hits.map((h) => h.itemId).sort()).toEqual(expected.map((e) => e.itemId).sort())
    expect(filtered.total).toBeGreaterThan(0)
    expect(filtered.hits.every((h) => h.section === '信息短波' && h.date.startsWith(String(year)))).toBe(true)
    expect(everything(q, { section: '〔信息短波〕' }).total).toBe(everything(q, { section: '信息短波' }).total)
  })

  it('builds the same index in steps (async) as in one go', async () => {
    const stepped = await createSearchIndexAsync(issues.flatMap(issueToSearchDocuments), { resultCacheSize: 0 })
    for (const q of randomQueries(issues, seededRandom(5), 40)) {
      expect(stepped.search({ q, offset: 0, limit: 1000 })).toEqual(everything(q))
    }
  })

  it('pages without gaps or repeats', () => {
    const q = '工会'
    const all = everything(q).hits.map((h) => h.itemId)
    const paged: number[] = []
    for (let offset = 0; offset < all.length; offset += 13) paged.push(...index.search({ q, offset, limit: 13 }).hits.map((h) => h.itemId))
    expect(paged).toEqual(all)
  })

  it('highlights ranges that point at the query in the original title and snippet', () => {
    const random = seededRandom(99)
    for (const q of randomQueries(issues, random, 150)) {
      const terms = referenceTerms(q)
      for (const hit of everything(q).hits.slice(0, 20)) {
        const startsAndEndsWithATerm = (text: string) => terms.some((t) => text.startsWith(t)) && terms.some((t) => text.endsWith(t))
        for (const [s, e] of hit.titleRanges)
          expect({ q, text: referenceFold(hit.title.slice(s, e)), ok: startsAndEndsWithATerm(referenceFold(hit.title.slice(s, e))) }).toMatchObject({ ok: true })
        const body = hit.snippet.replace(/^…|…$/g, '')
        const item = issues.flatMap((i) => i.sections.flatMap((s) => s.items)).find((i) => i.id === hit.itemId)!
        expect(fieldsOf(item).fields.some((f) => f.includes(body))).toBe(true)
        for (const [s, e] of hit.snippetRanges) {
          expect(s).toBeGreaterThanOrEqual(0)
          expect(e).toBeLessThanOrEqual(hit.snippet.length)
          const text = referenceFold(hit.snippet.slice(s, e))
          // A range clipped at the snippet's edge holds part of a term; others hold whole terms.
          const clipped = s <= 1 || e >= hit.snippet.length - 1
          if (!clipped) expect({ q, text, ok: startsAndEndsWithATerm(text) }).toMatchObject({ ok: true })
        }
      }
    }
  })

  it('ranks title hits first, then occurrences, then newer issues', () => {
    const base = storedArchive(1, 11)[0]
    const mk = (id: number, date: string, title: string, paragraphs: string[]): StoredIssue => ({
      ...base,
      id,
      date,
      sections: [{ name: '要情动态', items: [{ id, kind: 'article', title, paragraphs, source: null }] }],
    })
    const docs = [
      mk(1, '2019-01-01', '普通标题', ['蓝鲸计划蓝鲸计划蓝鲸计划']),
      mk(2, '2018-01-01', '蓝鲸计划启动', ['正文']),
      mk(3, '2021-01-01', '普通标题', ['蓝鲸计划一次']),
      mk(4, '2022-01-01', '普通标题', ['蓝鲸计划一次']),
    ].flatMap(issueToSearchDocuments)
    const hits = createSearchIndex(docs).search({ q: '蓝鲸计划', offset: 0, limit: 10 }).hits
    expect(hits.map((h) => h.itemId)).toEqual([2, 1, 4, 3])
    expect(hits[0].titleRanges).toEqual([[0, 4]])
    expect(hits[1].snippetRanges).toEqual([[0, 12]])
  })

  it('ranks exactly past what packs into one number: titles with over 15 of the terms, over 32,767 occurrences', () => {
    const base = storedArchive(1, 11)[0]
    const mk = (id: number, title: string, paragraphs: string[]): StoredIssue => ({
      ...base,
      id,
      date: '2020-01-01',
      sections: [{ name: '要情动态', items: [{ id, kind: 'article', title, paragraphs, source: null }] }],
    })
    const chars = Array.from('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未')
    const body = [chars.join('')]
    const docs = [
      mk(1, chars.slice(0, 15).join(''), [chars.join('').repeat(3)]),
      mk(2, chars.slice(0, 16).join(''), body),
      mk(3, chars.slice(0, 17).join(''), body),
      mk(4, '无关', [chars.join('').repeat(2400)]),
      mk(5, '无关', [chars.join('').repeat(2500)]),
    ].flatMap(issueToSearchDocuments)
    const index = createSearchIndex(docs, { resultCacheSize: 0 })
    // 17 title terms before 16 before 15; then 18 terms × 2,500 = 45,000 occurrences before 43,200.
    expect(index.search({ q: chars.join(' '), offset: 0, limit: 10 }).hits.map((h) => h.itemId)).toEqual([3, 2, 1, 5, 4])
  })
})
