import { importText } from '../../../src/core/import'
import { readSample } from './support'

const errorsOf = (text: string) => {
  const result = importText(text)
  if (result.ok) throw new Error('expected an import error')
  return result.errors
}

describe('documents that cannot be a bulletin', () => {
  const sample = readSample()

  it.each(['', '   \n\n  \t\n', '\uFEFF'])('refuses empty input %j', (text) => {
    expect(errorsOf(text)).toEqual([expect.objectContaining({ code: 'empty', line: null })])
  })

  it('refuses text with NUL bytes, naming the line', () => {
    const [error] = errorsOf('# 工会信息\n〔2020〕第二十期\nPK\u0003\u0004\u0000\u0000')
    expect(error).toMatchObject({ code: 'binary', line: 3 })
    expect(error.message).toMatch(/第 3 行/)
  })

  it('refuses text that is mostly undecodable bytes', () => {
    const garbage = '\uFFFD'.repeat(40) + 'abc' + '\uFFFD\u0001'.repeat(30)
    expect(errorsOf(garbage)[0].code).toBe('binary')
  })

  it('accepts one stray replacement character', () => {
    expect(importText(sample.replace('南粤', '南\uFFFD')).ok).toBe(true)
  })

  it('reports a missing issue number with the masthead line', () => {
    const errors = errorsOf(sample.replace('〔2020〕第二十期', '〔2020〕'))
    expect(errors).toEqual([expect.objectContaining({ code: 'no-issue-number', line: 3 })])
    expect(errors[0].message).toMatch(/第 3 行.*期号/)
  })

  it('reports a missing date', () => {
    const errors = errorsOf(sample.replace('2020年7月13日', ''))
    expect(errors.map((e) => e.code)).toEqual(['no-date'])
    expect(errors[0].line).toBe(5)
    expect(errors[0].message).toMatch(/日期/)
  })

  it('reports both when both are missing', () => {
    const errors = errorsOf(sample.replace('〔2020〕第二十期', '').replace('2020年7月13日', ''))
    expect(errors.map((e) => e.code)).toEqual(['no-issue-number', 'no-date'])
  })

  it('reports an impossible date on its line', () => {
    const [error] = errorsOf(sample.replace('2020年7月13日', '2020年2月30日'))
    expect(error).toMatchObject({ code: 'no-date', line: 10 })
    expect(error.message).toMatch(/2020年2月30日/)
  })

  it('does not take a date or number from the body when the masthead has none', () => {
    // The body mentions 第十五届 and 7月3日; neither is the number or date.
    const errors = errorsOf(sample.replace('〔2020〕第二十期', '').replace('2020年7月13日', ''))
    expect(errors).toHaveLength(2)
  })

  it('reports a masthead with nothing under it', () => {
    expect(errorsOf('# 工会信息\n\n〔2020〕第二十期\n\n2020年7月13日\n\n## 〔要情动态〕\n')[0]).toMatchObject({ code: 'no-content' })
  })

  it('reports random prose as having no issue number and no date', () => {
    expect(errorsOf('Hello world, this is not a bulletin.').map((e) => e.code)).toEqual(['no-issue-number', 'no-date'])
  })
})
