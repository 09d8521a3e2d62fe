/**
 * The positional index against a plain scan of the texts: every document starts on a block boundary,
 * the document found at each position is the one the position lies in (documents shorter than a
 * block, exactly one block, one unit over, empty ones), and a term's matches per document (count,
 * title flag) are what counting in the text gives.
 */
import fc from 'fast-check'
import { BLOCK_SHIFT, documentAt, matchesByDocument, postingSteps, runToEnd, termPositions } from '../../../src/core/search/postings'

const BLOCK = 1 << BLOCK_SHIFT

/** Texts of lengths around block edges (the separator makes a text of BLOCK - 1 fill a block). */
const texts = fc.array(
  fc
    .tuple(fc.constantFrom(0, 1, BLOCK - 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK - 1, 3 * BLOCK), fc.integer({ min: -1, max: 1 }))
    .chain(([length, jitter]) =>
      fc.array(fc.constantFrom('工', '会', '职', 'a', '\n'), { minLength: Math.max(0, length + jitter), maxLength: Math.max(0, length + jitter) }).map((units) => units.join('')),
    ),
  { minLength: 1, maxLength: 12 },
)

/** Where `term` starts in `text` (a term holds no '\n', so none spans two fields). */
function occurrenceStarts(text: string, term: string): number[] {
  const starts: number[] = []
  for (let i = 0; i + term.length <= text.length; i++) if (text.startsWith(term, i)) starts.push(i)
  return starts
}

describe('postings', () => {
  it('finds the document of every position and each document’s matches, for documents at block edges', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('工', '会', '工会', '会工', '工会职', '工会工会', 'a会'), fc.nat(8), (docs, term, titleLength) => {
        const postings = runToEnd(postingSteps(docs))
        const { docStarts, blockDocs } = postings
        expect(Array.from(docStarts).every((start) => start % BLOCK === 0)).toBe(true)
        docs.forEach((text, d) => expect(docStarts[d + 1]).toBeGreaterThanOrEqual(docStarts[d] + text.length + 1))
        const titleEnds = docStarts.map((start, d) => (d < docs.length ? start + Math.min(titleLength, docs[d].length) : start))
        const positions = termPositions(postings, term)
        const expected = { docs: [] as number[], counts: [] as number[], inTitle: [] as number[] }
        docs.forEach((text, d) => {
          const starts = occurrenceStarts(text, term)
          if (starts.length === 0) return
          expected.docs.push(d)
          expected.counts.push(starts.length)
          expected.inTitle.push(starts.some((i) => i < titleLength) ? 1 : 0)
        })
        for (const p of positions) {
          const d = documentAt(blockDocs, p)
          expect(p).toBeGreaterThanOrEqual(docStarts[d])
          expect(p).toBeLessThan(docStarts[d] + docs[d].length)
        }
        const found = matchesByDocument(positions, blockDocs, titleEnds)
        expect({ docs: Array.from(found.docs), counts: Array.from(found.counts), inTitle: Array.from(found.inTitle) }).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('lays out no documents as an empty text', () => {
    const postings = runToEnd(postingSteps([]))
    expect(Array.from(postings.docStarts)).toEqual([0])
    expect(postings.blockDocs.length).toBe(0)
    expect(termPositions(postings, '工会').length).toBe(0)
  })
})
