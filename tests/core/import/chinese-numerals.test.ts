import { parseDate, parseNumber } from '../../../src/core/import/chinese-numerals'
import { importIssue } from './support'

describe('Chinese numerals', () => {
  it.each([
    ['二十', 20],
    ['十二', 12],
    ['三', 3],
    ['十', 10],
    ['二十一', 21],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百十', 110],
    ['一千零一', 1001],
    ['两百', 200],
    ['20', 20],
    ['０７', 7],
    ['二〇二〇', 2020],
    ['〇七', 7],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it.each(['', '二三十', '十百', '百百', 'abc', '二十x'])('%j is not a number', (text) => {
    expect(parseNumber(text)).toBeNull()
  })

  it('parses printed dates and rejects impossible ones', () => {
    expect(parseDate('2020', '7', '13')).toEqual({ ok: true, iso: '2020-07-13', year: 2020 })
    expect(parseDate('2020', '07', '13')).toEqual({ ok: true, iso: '2020-07-13', year: 2020 })
    expect(parseDate('二〇一九', '十二', '二十')).toEqual({ ok: true, iso: '2019-12-20', year: 2019 })
    expect(parseDate('2021', '2', '29').ok).toBe(false)
    expect(parseDate('2020', '2', '29').ok).toBe(true)
    expect(parseDate('2020', '13', '1').ok).toBe(false)
  })

  const issueWith = (label: string, date: string) => importIssue(`# 工会信息\n\n${label}\n\n${date}\n\n〔要情动态〕\n\n**标题**正文。（某工会）\n`)

  it.each([
    ['〔2020〕第二十期', 20],
    ['〔2019〕第十二期', 12],
    ['〔2021〕第三期', 3],
    ['〔2022〕第一百零五期', 105],
    ['〔2020〕第20期', 20],
  ])('the issue number in %s is %d', (label, number) => {
    const issue = issueWith(label, '2020年7月13日')
    expect(issue.number).toBe(number)
    expect(issue.label).toBe(label)
    expect(issue.year).toBe(Number(label.slice(1, 5)))
  })

  it.each([
    ['2020年7月13日', '2020-07-13'],
    ['2020年07月13日', '2020-07-13'],
    ['2020 年 7 月 3 日', '2020-07-03'],
    ['二〇二〇年七月十三日', '2020-07-13'],
  ])('the date %s is %s', (printed, iso) => {
    expect(issueWith('〔2020〕第二十期', printed).date).toBe(iso)
  })
})
