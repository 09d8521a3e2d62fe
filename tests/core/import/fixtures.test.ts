/** Hand-written bulletins of the same family: the importer is not tuned to one sample. */
import type { Issue } from '../../../src/core/bulletin'
import { articlesOf, briefsOf, importIssue, linesContaining, readFixture, readSample } from './support'

const shape = (issue: Issue) => issue.sections.map((s) => [s.name, s.items.map((i) => (i.kind === 'article' ? i.title : 'brief'))])
const linesOf = (issue: Issue, pattern: RegExp) => issue.warnings.filter((w) => pattern.test(w.message)).map((w) => w.line)

describe('〔2021〕第三期 (Markdown, 、-numbered contents, 基层动态, a plain title in the second section)', () => {
  const text = readFixture('gonghui-xinxi-2021-03.md')
  const issue = importIssue(text)

  it('reads the masthead, with a zero-padded date and full-width parentheses', () => {
    expect(issue).toMatchObject({ year: 2021, number: 3, label: '〔2021〕第三期', date: '2021-03-08', permit: '穗办准印证第089号', publisher: '广州市总工会办公室' })
  })

  it('finds the sections, bold and plain titles, and the briefs', () => {
    expect(shape(issue)).toEqual([
      ['基层动态', ['天河区总工会开展“春风行动”送岗位进社区', '黄埔区总工会举办2021年女职工技能比武']],
      ['工作交流', ['从化区总工会推进新就业形态劳动者入会', '番禺区总工会打造“15分钟服务圈”']],
      ['信息短波', ['brief', 'brief', 'brief', 'brief']],
    ])
    expect(linesOf(issue, /not bold/)).toEqual(linesContaining(text, '番禺区总工会打造“15分钟服务圈” 番禺区'))
  })

  it('keeps several paragraphs, takes a source from its own line, and joins page breaks in an article and a brief', () => {
    const [tianhe, , conghua, panyu] = articlesOf(issue)
    expect(tianhe.paragraphs).toHaveLength(2)
    expect(tianhe.source).toEqual({ organization: '天河区总工会', author: '王晓红' })
    expect(conghua.paragraphs[0].endsWith('进一步增强新就业形态劳动者对工会组织的认同感和归属感。')).toBe(true)
    expect(panyu.paragraphs[1]).toBe('下一步，区总工会将结合职工需求清单，开展“点单式”服务，推动服务阵地从“有”到“优”。')
    expect(panyu.source).toEqual({ organization: '番禺区总工会', author: '陈志强' })
    expect(briefsOf(issue)[2].text).toBe('截至3月5日，全市各级工会已为春节期间坚守岗位的职工送出慰问品和慰问金共计1860万元，惠及职工12.6万人。')
    expect(linesOf(issue, /page break/)).toEqual([...linesContaining(text, '对工会组织的认同'), ...linesContaining(text, '惠及')])
  })

  it('reads briefs with and without an author, and one with no source', () => {
    expect(briefsOf(issue).map((b) => b.source)).toEqual([
      { organization: '荔湾区总工会', author: null },
      { organization: '白云区总工会', author: '李明' },
      { organization: '市总工会保障工作部', author: null },
      null,
    ])
  })

  it('reads the footer', () => {
    expect(issue.distribution).toEqual({ reportTo: '省总工会办公室，市委办公厅，市政府办公厅。', sendTo: '各区总工会，各产业、直属单位工会。' })
    expect(issue.editor).toEqual({ name: '林青', email: 'ghxx@example.org.cn', phone: '020-83180001' })
  })

  it('has no warnings beyond the two page breaks and the plain title', () => {
    expect(issue.warnings).toHaveLength(3)
  })
})

describe('〔2019〕第十二期 (plain text copied out of Word: no Markdown, 【】 headings, no blank lines, no bold)', () => {
  const text = readFixture('gonghui-xinxi-2019-12.txt')
  const issue = importIssue(text)

  it('reads the masthead, with the date in Chinese numerals on the publisher line', () => {
    expect(issue).toMatchObject({ masthead: '工会信息', year: 2019, number: 12, label: '〔2019〕第十二期', publisher: '广州市总工会办公室编', permit: null, date: '2019-12-20' })
  })

  it('finds every title from the contents list', () => {
    expect(shape(issue)).toEqual([
      ['要情动态', ['市总工会召开2019年度工会工作总结会', '全市工会系统开展冬季送温暖活动']],
      ['基层动态', ['海珠区总工会为环卫工人建设爱心驿站']],
      ['信息短波', ['brief', 'brief', 'brief']],
    ])
    expect(linesOf(issue, /not bold/)).toEqual([12, 15, 19])
  })

  it('keeps one paragraph per line and joins the line a page break cut', () => {
    const [meeting, warmth, haizhu] = articlesOf(issue)
    expect(meeting.paragraphs).toHaveLength(2)
    expect(warmth.paragraphs).toHaveLength(1)
    expect(warmth.paragraphs[0]).toContain('送去棉衣、暖手宝等御寒物资')
    expect(warmth.source).toEqual({ organization: '市总工会保障工作部', author: '赵刚' })
    expect(linesOf(issue, /page break/)).toEqual(linesContaining(text, '送去棉衣、'))
    expect(haizhu.source).toBeNull()
    expect(linesOf(issue, /no source/)).toEqual(linesContaining(text, '全天候向环卫工人开放'))
  })

  it('splits a source at an ideographic space and reads the footer without rules', () => {
    expect(briefsOf(issue)[1].source).toEqual({ organization: '增城区总工会', author: '何丽' })
    expect(issue.distribution).toEqual({ reportTo: '省总工会，市委办公厅，市政府办公厅。', sendTo: '各区总工会，各产业工会。' })
    expect(issue.editor).toEqual({ name: '周敏', email: 'zhoumin@example.org', phone: '83189999' })
  })

  it('reads the same with Windows line endings', () => {
    expect(importIssue(text.replace(/\n/g, '\r\n'))).toEqual(issue)
  })
})

describe('〔2022〕第一百零五期 (no contents list, [] headings, title on its own line, ▲)', () => {
  const text = readFixture('gonghui-xinxi-2022-105.md')
  const issue = importIssue(text)

  it('reads a three-digit Chinese issue number and a permit on the publisher line', () => {
    expect(issue).toMatchObject({ year: 2022, number: 105, label: '【2022】第一百零五期', publisher: '广州市总工会办公室', permit: '穗办准印证第089号', date: '2022-01-07' })
  })

  it('finds bold titles without a contents list', () => {
    expect(shape(issue)).toEqual([
      ['职工关爱', ['越秀区总工会开展新春送福活动', '荔湾区总工会为快递小哥送上“暖心包”']],
      ['信息短波', ['brief', 'brief']],
    ])
    const second = articlesOf(issue)[1]
    expect(second.paragraphs).toEqual(['1月6日，荔湾区总工会走访辖区12个快递网点，为快递小哥送上内含围巾、手套、保温杯的“暖心包”600份，并为他们讲解工会入会流程和法律援助服务。'])
    expect(linesOf(issue, /no source/)).toEqual(linesContaining(text, '并为他们讲解'))
    expect(briefsOf(issue)[1]).toEqual({ kind: 'brief', text: '1月6日，南沙区总工会组织职工志愿者参加“垃圾分类进社区”活动。', source: null })
  })

  it('reads a partial footer', () => {
    expect(issue.distribution).toEqual({ reportTo: null, sendTo: '各区总工会。' })
    expect(issue.editor).toEqual({ name: '黄升', email: null, phone: '83188030' })
  })
})

describe('the sample as plain text copied out of Word (no #, no **, no blank lines, CRLF)', () => {
  const markdown = readSample()
  const plain = markdown
    .split('\n')
    .map((l) =>
      l
        .replace(/^#{1,6}\s+/, '')
        .replace(/\*\*/g, '')
        .replace(/ {2,}$/, ''),
    )
    .filter((l) => l.trim() !== '' && l.trim() !== '---')
    .join('\r\n')
  const fromMarkdown = importIssue(markdown)
  const issue = importIssue(plain)

  it('finds the same sections, titles, paragraphs, briefs, sources and footer', () => {
    expect({ ...issue, warnings: [] }).toEqual({ ...fromMarkdown, warnings: [] })
  })

  it('finds every title from the contents, and still warns at each page break', () => {
    expect(issue.warnings.filter((w) => /not bold/.test(w.message))).toHaveLength(6)
    expect(issue.warnings.filter((w) => /page break/.test(w.message))).toHaveLength(5)
  })
})
