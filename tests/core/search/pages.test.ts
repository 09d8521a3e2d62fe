import { createSearchIndex, issueToSearchDocuments } from '../../../src/core/search'
import { seededRandom } from '../../server/support/archive'
import { storedArchive } from './stored-archive'
import { randomQueries } from './brute-force'

/**
 * A page is the same slice of the full ranking however it is produced: selected out of thousands of
 * matches (no result cache), ranked a little deeper and kept (result cache), or served from a kept
 * ranking that is too short for a deep page (ranked again in full).
 */
describe('search pages', () => {
  const issues = storedArchive(60, 7)
  const documents = issues.flatMap(issueToSearchDocuments)
  const full = createSearchIndex(documents, { resultCacheSize: 0 })
  const uncached = createSearchIndex(documents, { resultCacheSize: 0 })
  const cached = createSearchIndex(documents, { resultCacheSize: 3 })
  const queries = ['工会', '职工', '2020', '工会 职工', ...randomQueries(issues, seededRandom(77), 30)]
  const pages: Array<[number, number]> = [
    [0, 20],
    [0, 1],
    [20, 20],
    [95, 10],
    [150, 20],
    [3, 0],
    [0, 500],
  ]

  it('equals the slice of the whole ranking, for every page asked in any order', () => {
    let deepPages = 0
    for (const q of queries) {
      const all = full.search({ q, offset: 0, limit: 1_000_000 })
      for (const [offset, limit] of pages) {
        const expected = { total: all.total, hits: all.hits.slice(offset, offset + limit) }
        if (offset + limit > 100 && all.total > 100) deepPages++
        expect({ q, offset, limit, page: uncached.search({ q, offset, limit }) }).toEqual({ q, offset, limit, page: expected })
        expect({ q, offset, limit, page: cached.search({ q, offset, limit }) }).toEqual({ q, offset, limit, page: expected })
      }
    }
    expect(deepPages).toBeGreaterThan(0)
  })
})
