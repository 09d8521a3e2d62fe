import type { IssueDetail } from '../../../src/core/api'
import { firstTitles, formatIssueDate, plainSectionName, sourceLine } from '../../../src/components/format'
import { highlightRuns } from '../../../src/components/highlight-runs'
import { termRanges } from '../../../src/components/term-ranges'
import { articleIdFromParams } from '../../../src/pages/article/article-id'
import { initialPage, readerTabNames } from '../../../src/pages/issue/reader-pages'
import { createDebouncer, sectionOptions, shownYears, yearOptions } from '../../../src/pages/search/debounce'
import { articleFromIssue } from '../../../src/stores/article-from-issue'
import { effectiveStep, stepFromSystemFontSize, TEXT_SIZES } from '../../../src/stores/settings-store'

const article = (id: number, title: string) => ({ kind: 'article' as const, id, title, paragraphs: ['正文' + id], source: null })
const issue: IssueDetail = {
  id: 7,
  status: 'published',
  publishedAt: null,
  importedAt: '2020-07-13T00:00:00Z',
  masthead: '工会信息',
  year: 2020,
  number: 20,
  label: '〔2020〕第二十期',
  publisher: '广州市总工会办公室',
  permit: null,
  date: '2020-07-13',
  distribution: { reportTo: null, sendTo: null },
  editor: { name: null, email: null, phone: null },
  warnings: [],
  sections: [
    { name: '要情动态', items: [article(1, '甲'), article(2, '乙')] },
    { name: '〔工作交流〕', items: [article(3, '丙')] },
    { name: '信息短波', items: [{ kind: 'brief', id: 4, text: '△ 简讯', source: null }] },
  ],
}

describe('issue reader pages', () => {
  it('puts the contents first, then one page per section without brackets', () => {
    expect(readerTabNames(issue)).toEqual(['本期导读', '要情动态', '工作交流', '信息短波'])
  })
  it('opens at a section given by index or by name, else at the contents', () => {
    expect(initialPage(issue, '2')).toBe(2)
    expect(initialPage(issue, encodeURIComponent('信息短波'))).toBe(3)
    expect(initialPage(issue, '〔工作交流〕')).toBe(2)
    expect(initialPage(issue, '99')).toBe(0)
    expect(initialPage(issue, undefined)).toBe(0)
  })
})

describe('articles from a cached issue (offline)', () => {
  it('gives previous/next across sections in reading order', () => {
    expect(articleFromIssue(issue, 2)).toMatchObject({ section: '要情动态', previousId: 1, nextId: 3, issue: { id: 7, label: '〔2020〕第二十期' } })
    expect(articleFromIssue(issue, 3)).toMatchObject({ previousId: 2, nextId: null })
    expect(articleFromIssue(issue, 4)).toBeNull() // a brief is not an article
  })
})

describe('deep links', () => {
  it('reads ?id= or a poster scene', () => {
    expect(articleIdFromParams({ id: '12' })).toBe(12)
    expect(articleIdFromParams({ scene: 'a%3D34' })).toBe(34)
    expect(articleIdFromParams({ id: 'x' })).toBeNull()
  })
})

describe('text size', () => {
  it("follows WeChat's font size until the member chooses", () => {
    expect(stepFromSystemFontSize(17)).toBe(1)
    expect(stepFromSystemFontSize(undefined)).toBe(1)
    expect(TEXT_SIZES[stepFromSystemFontSize(22)]).toBeGreaterThanOrEqual(21)
    expect(stepFromSystemFontSize(28)).toBe(TEXT_SIZES.length - 1)
    expect(effectiveStep(0, 28)).toBe(0)
    expect(effectiveStep(null, 28)).toBe(TEXT_SIZES.length - 1)
    expect(TEXT_SIZES.length).toBeGreaterThanOrEqual(4)
  })
})

describe('search helpers', () => {
  it('splits text into highlighted runs, merging overlaps and clamping', () => {
    expect(
      highlightRuns('贵州毕节贫困毕业生', [
        [2, 4],
        [3, 5],
        [20, 30],
      ]),
    ).toEqual([
      { text: '贵州', hit: false },
      { text: '毕节贫', hit: true },
      { text: '困毕业生', hit: false },
    ])
    expect(
      highlightRuns('abc', [])
        .map((r) => r.text)
        .join(''),
    ).toBe('abc')
  })
  it('debounces typing and flushes on demand', async () => {
    const calls: string[] = []
    const d = createDebouncer((q: string) => calls.push(q), 30)
    d.call('毕')
    d.call('毕节')
    await new Promise((r) => setTimeout(r, 60))
    expect(calls).toEqual(['毕节'])
    d.call('就业')
    d.flush()
    expect(calls).toEqual(['毕节', '就业'])
  })
  it('offers each year once, newest first', () => {
    expect(yearOptions([2019, 2020, 2020, 2018])).toEqual([2020, 2019, 2018])
  })
  it('offers the newest five years, and a chosen older one beside them', () => {
    const years = yearOptions(Array.from({ length: 20 }, (_, i) => 2001 + i))
    expect(shownYears(years, null)).toEqual([2020, 2019, 2018, 2017, 2016])
    expect(shownYears(years, 2019)).toEqual([2020, 2019, 2018, 2017, 2016])
    expect(shownYears(years, 2003)).toEqual([2020, 2019, 2018, 2017, 2016, 2003])
    expect(shownYears([2020, 2019], 1999)).toEqual([2020, 2019])
  })
})

describe('format', () => {
  it('dates in Chinese with the weekday', () => {
    expect(formatIssueDate('2020-07-13')).toBe('2020年7月13日 星期一')
  })
  it('first titles, section names and sources', () => {
    expect(
      firstTitles(
        [
          {
            name: 'a',
            articles: [
              { id: 1, title: 'x' },
              { id: 2, title: 'y' },
            ],
            briefCount: 0,
          },
          { name: 'b', articles: [{ id: 3, title: 'z' }], briefCount: 0 },
        ],
        2,
      ),
    ).toEqual(['x', 'y'])
    expect(plainSectionName('〔要情动态〕')).toBe('要情动态')
    expect(plainSectionName('[工作交流]')).toBe('工作交流')
    expect(sourceLine({ organization: '增城区总工会', author: '涂冬妮' })).toBe('增城区总工会 涂冬妮')
  })
})

describe('search follow-through', () => {
  it('offers every section the issues have, not a fixed three', () => {
    expect(sectionOptions(['〔要情动态〕', '基层动态', '要情动态', '[经验做法]', '信息短波'])).toEqual(['要情动态', '基层动态', '经验做法', '信息短波'])
  })
  it('finds the search term in an opened article, every time it occurs', () => {
    expect(termRanges('毕节毕节，贵州毕节', '毕节')).toEqual([
      [0, 4],
      [7, 9],
    ])
    // As search matches: a traditional query marks the simplified characters as written, and back.
    expect(termRanges('贵州毕节', '畢節')).toEqual([[2, 4]])
    expect(termRanges('香港畢節', '毕节')).toEqual([[2, 4]])
    expect(termRanges('广州', '毕节')).toEqual([])
    expect(termRanges('广州', '')).toEqual([])
  })
})
