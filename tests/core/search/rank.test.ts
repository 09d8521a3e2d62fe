/**
 * rankDocs: the best `need` of many matches, selected in one pass, are exactly the first `need` of
 * the whole ranking, whatever order the matches arrive in (best tie-break first, as the index gives
 * them, or reversed, or shuffled). tieBreakOrder: the order the index numbers its documents in.
 */
import fc from 'fast-check'
import { rankDocs, tieBreakOrder } from '../../../src/core/search/rank'

describe('rankDocs', () => {
  it('selects the first page of the whole ranking, for matches in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: fc.nat(3), count: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.boolean(),
        (matches, need, reversed) => {
          const order = matches.map((_, d) => d)
          if (reversed) order.reverse()
          const input = {
            docs: Int32Array.from(order),
            titleTerms: Int32Array.from(order.map((d) => matches[d].title)),
            occurrences: Int32Array.from(order.map((d) => matches[d].count)),
          }
          // At least the best `need`, in order (a short list is sorted whole and given whole).
          const selected = rankDocs(input, need)
          expect(selected.length).toBeGreaterThanOrEqual(Math.min(need, matches.length))
          expect(selected.slice(0, need)).toEqual(rankDocs(input).slice(0, need))
          // The whole ranking follows the rules: title terms, then occurrences, then the document index.
          const whole = rankDocs(input)
          const key = (d: number) => [-matches[d].title, -matches[d].count, d]
          expect(whole).toEqual([...order].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1] || a - b))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('ranks the lower document index first when titles and counts tie', () => {
    const docs = Int32Array.from({ length: 5000 }, (_, d) => 4999 - d)
    const ranked = rankDocs({ docs, titleTerms: new Int32Array(5000), occurrences: new Int32Array(5000).fill(1) }, 100)
    expect(ranked).toEqual(Array.from({ length: 100 }, (_, i) => i))
  })

  it('ranks past what packs into one number with the comparator, by the same rules', () => {
    const input = { docs: Int32Array.from([0, 1, 2, 3]), titleTerms: Int32Array.from([1, 16, 1, 16]), occurrences: Int32Array.from([40_000, 1, 40_001, 1]) }
    expect(rankDocs(input)).toEqual([1, 3, 2, 0])
    expect(rankDocs(input, 1)).toEqual([1])
  })
})

describe('tieBreakOrder', () => {
  it('puts the newer issue first, then the lower item id, then the earlier given', () => {
    const dates = ['2020-01-01', '2021-06-01', '2020-01-01', '2021-06-01', '2019-12-31', '2021-06-01']
    const itemIds = [5, 9, 3, 2, 1, 2]
    expect(Array.from(tieBreakOrder(dates, itemIds))).toEqual([3, 5, 1, 2, 0, 4])
  })
})
