import fc from 'fast-check'
import { cutText, MAX_PIECE } from '../../../src/core/speech/cut-text'
import { articlesOf, importIssue, readSample } from '../import/support'

const WORDLIKE = /[0-9A-Za-z.%,\-/]/

describe('cutting text for the speech engine', () => {
  it('cuts at sentence ends and keeps the closing quote with its sentence', () => {
    expect(cutText('第一句。第二句！第三句？')).toEqual(['第一句。', '第二句！', '第三句？'])
    expect(cutText('他说：“我们来了。你们呢？”大家都笑了。')).toEqual(['他说：“我们来了。你们呢？”', '大家都笑了。'])
    expect(cutText('会议强调（详见附件。）随后散会。')).toEqual(['会议强调（详见附件。）', '随后散会。'])
  })

  it('keeps numbers whole, decimals and thousands included', () => {
    const text = '增长3.5%，达到1,000人。'.repeat(40)
    const pieces = cutText(text, 50)
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(50)
    expect(pieces.join('')).toBe(text)
    for (let i = 1; i < pieces.length; i++) {
      const before = pieces[i - 1].slice(-1)
      const after = pieces[i][0]
      expect(WORDLIKE.test(before) && WORDLIKE.test(after)).toBe(false)
    }
  })

  it('cuts a sentence longer than the limit at its clauses', () => {
    const long = Array.from({ length: 60 }, (_, i) => `第${i + 1}项工作稳步推进`).join('，') + '。'
    expect(long.length).toBeGreaterThan(MAX_PIECE)
    const pieces = cutText(long)
    expect(pieces.length).toBeGreaterThan(1)
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('，')).toBe(true)
    expect(pieces.join('')).toBe(long)
  })

  it('every piece of the sample bulletin is under 400 characters and the pieces are the text', () => {
    for (const article of articlesOf(importIssue(readSample()))) {
      for (const paragraph of article.paragraphs) {
        const pieces = cutText(paragraph)
        expect(pieces.join('')).toBe(paragraph)
        for (const p of pieces) expect(p.length).toBeLessThan(400)
      }
    }
  })

  it('property: no piece over the limit, nothing lost or repeated', () => {
    const alphabet = fc.constantFrom(...'工会职工帮扶就业，。！？；、：“”（）《》1234567890.%,abcXYZ \n…'.split(''))
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 1500 }).map((cs) => cs.join('')),
        fc.integer({ min: 20, max: 420 }),
        (text, max) => {
          const pieces = cutText(text, max)
          expect(pieces.join('')).toBe(text)
          for (const p of pieces) {
            expect(p.length).toBeGreaterThan(0)
            expect(p.length).toBeLessThanOrEqual(max)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('property: short sentences are never cut in the middle', () => {
    const sentence = fc
      .array(fc.constantFrom(...'工会职工帮扶就业活动开展'.split('')), { minLength: 1, maxLength: 30 })
      .chain((cs) => fc.constantFrom('。', '！', '？', '；').map((end) => cs.join('') + end))
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 40 }), (sentences) => {
        expect(cutText(sentences.join(''))).toEqual(sentences)
      }),
    )
  })
})
