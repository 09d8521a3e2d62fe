/**
 * The phone's search without an index (src/core/search/scan.ts) against the server's index: the
 * same items, in the same order, with the same marked title and snippet, for random queries and the
 * filters, so a member offline finds what the server would have found in those issues.
 */
import fc from 'fast-check'
import { briefTitle, createSearchIndex, issueToSearchDocuments, type SearchDocument } from '../../../src/core/search'
import { scannable, scanSearch } from '../../../src/core/search/scan'
import { seededRandom } from '../../server/support/archive'
import { bruteForceSearch, randomQueries } from './brute-force'
import { storedArchive } from './stored-archive'

describe('search by scanning (the phone, offline)', () => {
  const issues = storedArchive(12, 7)
  const documents = issues.flatMap(issueToSearchDocuments)
  const index = createSearchIndex(documents)
  const phone = scannable(documents)

  it('answers random queries exactly as the server index does: items, order, total, marked title and snippet', () => {
    for (const q of randomQueries(issues, seededRandom(31), 200)) {
      const server = index.search({ q, offset: 0, limit: 1000 })
      const scanned = scanSearch(phone, { q, limit: 1000 })
      expect({ q, total: scanned.total }).toEqual({ q, total: server.total })
      expect({ q, hits: scanned.hits }).toEqual({ q, hits: server.hits })
      expect(scanned.total).toBe(bruteForceSearch(issues, q).length)
    }
  })

  it('applies the year and section filters as the server does, brackets or not', () => {
    const year = issues[0].year
    for (const filter of [{ year }, { section: '信息短波' }, { section: '〔信息短波〕', year }]) {
      const server = index.search({ q: '工会', offset: 0, limit: 1000, ...filter })
      const scanned = scanSearch(phone, { q: '工会', limit: 1000, ...filter })
      expect(server.total).toBeGreaterThan(0)
      expect(scanned.hits.map((h) => h.itemId)).toEqual(server.hits.map((h) => h.itemId))
    }
  })

  it('marks the same title and snippet on text whose normalised offsets are not the original’s', () => {
    // Spaces, ligatures and surrogate pairs shift offsets: the index's hits (built from its own
    // normalised fields where they line up) must still be the scan's (built from the text alone).
    // Fields of either kind: aligned (one unit for one) or shifted by a space, ligature or pair.
    const aligned = fc.constantFrom('工', '会', '畢', '节', '２', 'Ａ', '，')
    const shifted = fc.constantFrom('工', '会', '畢', '节', '２', 'Ａ', ' ', 'ﬁ', '𠀀', '，')
    const text = (max: number) =>
      fc.oneof(fc.array(aligned, { minLength: 1, maxLength: max, size: 'max' }), fc.array(shifted, { minLength: 1, maxLength: max, size: 'max' })).map((units) => units.join(''))
    const base = documents[0]
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text(12), texts: fc.array(text(200), { minLength: 1, maxLength: 3 }), brief: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('工会', '会', '节 工', 'fi', '𠀀工', '2a', '畢'),
        (made, q) => {
          const docs: SearchDocument[] = made.map(({ title, texts, brief }, i) => ({
            ...base,
            itemId: i + 1,
            kind: brief ? 'brief' : 'article',
            hasTitle: !brief,
            title: brief ? briefTitle(texts[0]) : title,
            texts,
          }))
          expect(createSearchIndex(docs).search({ q, offset: 0, limit: 100 })).toEqual(scanSearch(scannable(docs), { q, limit: 100 }))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('stops at the limit but counts every match, and finds nothing for an empty query', () => {
    const all = scanSearch(phone, { q: '工会', limit: 1000 })
    const first = scanSearch(phone, { q: '工会', limit: 5 })
    expect(first.total).toBe(all.total)
    expect(first.hits).toEqual(all.hits.slice(0, 5))
    expect(scanSearch(phone, { q: ' 　', limit: 5 })).toEqual({ total: 0, hits: [] })
  })
})
