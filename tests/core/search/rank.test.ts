/**
 * rankDocs: the best `need` of many matches, selected in one pass, are exactly the first `need` of
 * the whole ranking, whatever order the matches arrive in (best last, as an archive's documents in
 * date order give them, or shuffled).
 */
import fc from 'fast-check'
import { rankDocs, rankTables } from '../../../src/core/search/rank'

function archive(size: number) {
  const dates = Array.from({ length: size }, (_, d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10))
  return rankTables(
    dates,
    dates.map((_, d) => d + 1),
  )
}

describe('rankDocs', () => {
  it('selects the first page of the whole ranking, for matches in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: fc.nat(3), count: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.boolean(),
        (matches, need, reversed) => {
          const tables = archive(matches.length)
          const order = matches.map((_, d) => d)
          if (reversed) order.reverse()
          const input = {
            docs: Int32Array.from(order),
            titleTerms: Int32Array.from(order.map((d) => matches[d].title)),
            occurrences: Int32Array.from(order.map((d) => matches[d].count)),
          }
          // At least the best `need`, in order (a short list is sorted whole and given whole).
          const selected = rankDocs(input, tables, need)
          expect(selected.length).toBeGreaterThanOrEqual(Math.min(need, matches.length))
          expect(selected.slice(0, need)).toEqual(rankDocs(input, tables).slice(0, need))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('ranks newer first when titles and counts tie, so a date-ordered archive arrives best last', () => {
    const tables = archive(5000)
    const docs = Int32Array.from({ length: 5000 }, (_, d) => d)
    const ranked = rankDocs({ docs, titleTerms: new Int32Array(5000), occurrences: new Int32Array(5000).fill(1) }, tables, 100)
    expect(ranked).toEqual(Array.from({ length: 100 }, (_, i) => 4999 - i))
  })
})
