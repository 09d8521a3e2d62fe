import { createSearchIndex, issueToSearchDocuments, normalise, queryTerms } from '../../../src/core/search'
import { matchRanges } from '../../../src/core/search/hit'
import { TRADITIONAL_SIMPLIFIED_PAIRS } from '../../../src/core/search/traditional-table'
import type { StoredIssue } from '../../../src/core/bulletin'
import { traditionalPairs } from '../../../tools/traditional-pairs'
import { storedArchive } from './stored-archive'

describe('traditional characters in search', () => {
  it('folds traditional to simplified on the way in, one character for one', () => {
    expect(normalise('畢節市總工會')).toBe('毕节市总工会')
    expect(queryTerms('畢節　就業')).toEqual(['毕节', '就业'])
    // Hong Kong forms too; 著 stays 著 (著名 and 着急 are different words in simplified as well).
    expect(normalise('衞生 著名')).toBe('卫生著名')
    // A compatibility ideograph goes through NFKC first, then the table: U+F9FE 茶 stays 茶.
    expect(normalise('\uf9fe')).toBe('茶')
  })

  it('is the table the generator writes from opencc-js (npm run generate:traditional)', () => {
    expect(TRADITIONAL_SIMPLIFIED_PAIRS).toBe(traditionalPairs().join(''))
  })

  it('holds single characters that change only, each folding to its end (folding twice = once)', () => {
    const chars = Array.from(TRADITIONAL_SIMPLIFIED_PAIRS)
    expect(chars.length % 2).toBe(0)
    for (let i = 0; i < chars.length; i += 2) {
      expect(chars[i]).not.toBe(chars[i + 1])
      expect(normalise(chars[i])).toBe(chars[i + 1])
      expect(normalise(chars[i + 1])).toBe(chars[i + 1])
    }
  })

  it('finds simplified text for a traditional query and the other way round, marking the text as written', () => {
    const base = storedArchive(1, 3)[0]
    const issue: StoredIssue = {
      ...base,
      sections: [
        {
          name: '要情动态',
          items: [
            { id: 1, kind: 'article', title: '毕节市就业帮扶', paragraphs: ['贵州毕节的工会。'], source: null },
            { id: 2, kind: 'article', title: '香港來信', paragraphs: ['畢節的朋友寫信來。'], source: null },
          ],
        },
      ],
    }
    const index = createSearchIndex(issueToSearchDocuments(issue))
    const found = (q: string) => index.search({ q, offset: 0, limit: 10 }).hits
    expect(found('畢節').map((h) => h.itemId)).toEqual([1, 2])
    expect(found('毕节').map((h) => h.itemId)).toEqual([1, 2])
    const [first, second] = found('畢節')
    const [s, e] = first.titleRanges[0]
    expect(first.title.slice(s, e)).toBe('毕节')
    const [bs, be] = second.snippetRanges[0]
    expect(second.snippet.slice(bs, be)).toBe('畢節')
    expect(matchRanges('畢節的朋友', queryTerms('毕节'))).toEqual([[0, 2]])
  })
})
