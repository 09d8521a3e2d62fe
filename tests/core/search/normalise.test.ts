import { normalise, normaliseAligned, normaliseWithMap, queryTerms, toOriginalRange } from '../../../src/core/search/normalise'
import { matchRanges } from '../../../src/core/search/hit'
import fc from 'fast-check'
import { referenceFold } from './brute-force'

describe('search normalisation', () => {
  it('folds full-width to half-width, case, and removes every kind of space', () => {
    expect(normalise('２０２０年 ７ 月　ＡＢＣ abc\t\n毕节')).toBe('2020年7月abcabc毕节')
    expect(normalise('（市总工会）')).toBe('(市总工会)')
    expect(queryTerms('  毕节　就业  毕节 ')).toEqual(['毕节', '就业'])
    expect(queryTerms('　 ')).toEqual([])
  })

  it('agrees with a whole-string NFKC fold on Chinese, ASCII and full-width text', () => {
    const alphabet = fc.constantFrom(...'工会信息毕节就业畢節就業著乾裡２０ＡＢａｂ AB ab12　（）〔〕“”，。、·'.split(''))
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('')
        expect(normalise(text)).toBe(referenceFold(text))
      }),
    )
  })

  it('maps every normalised range back to the original characters it came from', () => {
    const original = '广州　ＡＢＣ 公司，２０２０年'
    const map = normaliseWithMap(original)
    expect(map.text).toBe('广州abc公司,2020年')
    const at = map.text.indexOf('abc公司')
    const [s, e] = toOriginalRange(map, at, at + 'abc公司'.length)
    expect(original.slice(s, e)).toBe('ＡＢＣ 公司')
    expect(matchRanges(original, ['2020'])).toEqual([[original.indexOf('２'), original.indexOf('年')]])
  })

  it('keeps surrogate pairs whole in the map', () => {
    const original = '𠀀工会 𠀀'
    const map = normaliseWithMap(original)
    expect(map.text).toBe('𠀀工会𠀀')
    const [s, e] = toOriginalRange(map, 0, 2)
    expect(original.slice(s, e)).toBe('𠀀')
  })

  it('tells a text aligned with its normalised form exactly when the map is the identity', () => {
    expect(normaliseAligned('畢節２０２０（工会）')).toEqual({ text: '毕节2020(工会)', aligned: true })
    expect(normaliseAligned('工会 信息').aligned).toBe(false)
    expect(normaliseAligned('ﬁ工会').aligned).toBe(false)
    expect(normaliseAligned('𠀀工会').aligned).toBe(false)
    const alphabet = fc.constantFrom(...['工', '畢', '２', 'Ａ', 'a', ' ', '　', 'ﬁ', '𠀀', '\ud800', '，'])
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => {
        const text = chars.join('')
        const map = normaliseWithMap(text)
        const identity = map.text.length === text.length && map.starts.every((start, i) => start === i && map.ends[i] === i + 1)
        expect(normaliseAligned(text)).toEqual({ text: map.text, aligned: identity })
      }),
    )
  })

  it('highlights overlapping occurrences as one range', () => {
    expect(matchRanges('工会工会会', ['工会', '会会'])).toEqual([[0, 5]])
  })
})
