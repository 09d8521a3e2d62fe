import { tokenize } from '../../../src/core/import/tokenize'
import { articlesOf, briefsOf, importIssue } from './support'

const HEAD = '# 工会信息\n\n〔2021〕第三期\n\n广州市总工会办公室\n\n2021年2月5日\n\n'
const doc = (body: string) => importIssue(HEAD + body)
const messages = (issue: ReturnType<typeof doc>) => issue.warnings.map((w) => `${w.line}: ${w.message}`)

describe('line tokens', () => {
  it('gives every line a kind, its raw text and its 1-based number', () => {
    const tokens = tokenize('# 工会信息\n\n### 〔要情动态〕\n1. 标题\n**粗体标题** 正文\n△短讯\n---\n报：某某  \n正文')
    expect(tokens.map((t) => [t.kind, t.line])).toEqual([
      ['heading', 1],
      ['blank', 2],
      ['heading', 3],
      ['entry', 4],
      ['bold', 5],
      ['brief', 6],
      ['rule', 7],
      ['footer', 8],
      ['text', 9],
    ])
    expect(tokens[2]).toMatchObject({ name: '要情动态', bracketed: true, level: 3, raw: '### 〔要情动态〕' })
    expect(tokens[7]).toMatchObject({ hardBreak: true, key: '报', value: '某某' })
  })

  it.each([
    ['〔基层动态〕', 0],
    ['[基层动态]', 0],
    ['【基层动态】', 0],
    ['## 〔基层动态〕', 2],
    ['#### [基层动态]', 4],
    ['# 【基层动态】', 1],
  ])('reads %s as the section heading 基层动态', (line, level) => {
    expect(tokenize(line)[0]).toMatchObject({ kind: 'heading', name: '基层动态', bracketed: true, level })
  })

  it('does not mistake a bracketed year for a heading', () => {
    expect(tokenize('〔2020〕')[0].kind).toBe('text')
  })
})

describe('sections and items', () => {
  it('accepts every heading style in one document', () => {
    const issue = doc('〔要情动态〕\n\n**甲**正文。（甲工会）\n\n### [工作交流]\n\n**乙** 正文。（乙工会）\n\n【基层动态】\n\n△丙。（丙工会）\n')
    expect(issue.sections.map((s) => s.name)).toEqual(['要情动态', '工作交流', '基层动态'])
    expect(issue.warnings).toEqual([])
  })

  it('keeps an article with several paragraphs and takes the source from the last', () => {
    const issue = doc('〔要情动态〕\n\n**标题**\n\n第一段。\n\n第二段。（某区总工会 张三）\n')
    expect(articlesOf(issue)[0]).toEqual({
      kind: 'article',
      title: '标题',
      paragraphs: ['第一段。', '第二段。'],
      source: { organization: '某区总工会', author: '张三' },
    })
  })

  it('takes a source on a line of its own', () => {
    const article = articlesOf(doc('〔要情动态〕\n\n**标题**正文。\n\n（某区总工会）\n'))[0]
    expect(article.paragraphs).toEqual(['正文。'])
    expect(article.source).toEqual({ organization: '某区总工会', author: null })
  })

  it('leaves a parenthesis that belongs to the sentence in the text', () => {
    const issue = doc('〔信息短波〕\n\n△共评出3名金奖（含一等奖）\n')
    expect(briefsOf(issue)[0]).toEqual({ kind: 'brief', text: '共评出3名金奖（含一等奖）', source: null })
  })

  it('warns about an article with no source, on its last line', () => {
    const issue = doc('〔要情动态〕\n\n**无来源的文章**正文。\n\n第二段。\n')
    expect(messages(issue)).toEqual([expect.stringMatching(/^13: .*没有来源.*no source/)])
  })

  it('treats a bold lead-in that ends a sentence as emphasis inside the article', () => {
    const article = articlesOf(doc('〔要情动态〕\n\n**标题**\n\n**一是严把识别关。**确保建档精准。（某工会）\n'))
    expect(article).toHaveLength(1)
    expect(article[0].paragraphs).toEqual(['一是严把识别关。确保建档精准。'])
  })

  it('keeps text that comes before any title as an untitled article, with a warning', () => {
    const issue = doc('〔要情动态〕\n\n没有标题的一段话。\n\n**标题**正文。（某工会）\n')
    expect(articlesOf(issue).map((a) => a.title)).toEqual(['', '标题'])
    expect(messages(issue)).toEqual([expect.stringMatching(/^11: .*不属于任何文章/), expect.stringMatching(/^11: .*没有来源/)])
  })

  it('finds a plain title by its position when there is no contents: under a heading, and after a source', () => {
    const issue = doc('〔要情动态〕\n\n市总工会召开全委（扩大）会议\n\n会议总结工作。（市总工会）\n\n打造“15分钟服务圈”\n\n番禺区推进服务。（番禺区总工会）\n')
    expect(articlesOf(issue).map((a) => [a.title, a.paragraphs, a.source?.organization])).toEqual([
      ['市总工会召开全委（扩大）会议', ['会议总结工作。'], '市总工会'],
      ['打造“15分钟服务圈”', ['番禺区推进服务。'], '番禺区总工会'],
    ])
    expect(messages(issue)).toEqual([expect.stringMatching(/^11: .*按位置认作标题/), expect.stringMatching(/^15: .*按位置认作标题/)])
  })

  it.each([
    ['a line that ends a sentence', '〔要情动态〕\n\n没有标题的一段话。\n\n第二段。（某工会）\n'],
    ['a line with nothing after it', '〔要情动态〕\n\n**标题**正文。（某工会）\n\n落在最后的短行\n'],
    ['a short line after an article with no source yet', '〔要情动态〕\n\n**标题**\n\n第一段没有来源\n\n第二段。（某工会）\n'],
  ])('does not take %s for a title by position', (_, body) => {
    expect(doc(body).warnings.filter((w) => /按位置/.test(w.message))).toEqual([])
  })

  it('puts items before any section heading into an unnamed section, with a warning', () => {
    const issue = doc('**标题**正文。（某工会）\n')
    expect(issue.sections).toEqual([{ name: '', items: [expect.objectContaining({ title: '标题' })] }])
    expect(messages(issue)[0]).toMatch(/^9: .*没有栏目标题/)
  })

  it('does not join across a --- rule, and joins a hard line break without a warning', () => {
    const issue = doc('〔要情动态〕\n\n**标题**第一行，  \n第二行。\n\n---\n\n△短讯，\n\n---\n\n△另一条。（某工会）\n')
    expect(articlesOf(issue)[0].paragraphs).toEqual(['第一行，第二行。'])
    expect(briefsOf(issue).map((b) => b.text)).toEqual(['短讯，', '另一条。'])
    expect(issue.warnings.filter((w) => /page break/.test(w.message))).toEqual([])
  })

  it('joins a brief whose △ stands alone on its line, and warns about a second paragraph after a brief', () => {
    const issue = doc('〔信息短波〕\n\n△\n\n近日，某工会开展活动。（某工会）\n\n△第二条。\n\n另起一段。（乙工会）\n')
    expect(briefsOf(issue)).toEqual([
      { kind: 'brief', text: '近日，某工会开展活动。', source: { organization: '某工会', author: null } },
      { kind: 'brief', text: '第二条。\n另起一段。', source: { organization: '乙工会', author: null } },
    ])
    expect(messages(issue)).toEqual([expect.stringMatching(/^17: .*并入该短讯/)])
  })

  it('warns about a stray lower-case Latin word, but not about acronyms', () => {
    const issue = doc('〔要情动态〕\n\n**标题**用手机APP和全民K歌参加在线PK，企业 and 学校合作。（某工会）\n')
    expect(issue.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/“and”/)])
  })
})

describe('the contents list', () => {
  const contents = '## 本期导读\n\n### 〔要情动态〕\n\n1. 第一篇文章\n2. 第二篇 文章\n\n### 〔信息短波〕\n\n'

  it('finds plain titles from the contents and ignores spacing differences', () => {
    const issue = doc(contents + '## 〔要情动态〕\n\n第一篇文章 正文。（甲工会）\n\n第二篇文章正文。（乙工会）\n\n〔信息短波〕\n\n△短讯。（丙工会）\n')
    expect(articlesOf(issue).map((a) => [a.title, a.paragraphs[0]])).toEqual([
      ['第一篇文章', '正文。'],
      ['第二篇文章', '正文。'],
    ])
    expect(issue.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/第 1 条/), expect.stringMatching(/第 2 条/)])
  })

  it('warns about a contents entry with no article, on the entry line', () => {
    const issue = doc(contents + '## 〔要情动态〕\n\n**第一篇文章**正文。（甲工会）\n\n〔信息短波〕\n\n△短讯。（丙工会）\n')
    expect(messages(issue)).toEqual([expect.stringMatching(/^14: 本期导读第 2 条“第二篇 文章”在正文中找不到/)])
  })

  it('warns about an article the contents does not list', () => {
    const issue = doc(contents + '## 〔要情动态〕\n\n**第一篇文章**正文。（甲工会）\n\n**第二篇文章**正文。（乙工会）\n\n**第三篇**正文。（丙工会）\n')
    expect(messages(issue)).toEqual([expect.stringMatching(/没有列入本期导读/)])
  })

  it('accepts contents numbered 一、二、 as well', () => {
    const issue = doc('本期导读\n\n一、第一篇文章\n二、第二篇文章\n\n〔要情动态〕\n\n第一篇文章\n\n正文。（甲工会）\n\n**第二篇文章**正文。（乙工会）\n')
    expect(articlesOf(issue).map((a) => a.title)).toEqual(['第一篇文章', '第二篇文章'])
    expect(issue.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/第 1 条/)])
  })

  it('ends a contents list without section headings at the first heading', () => {
    const issue = doc('本期导读\n\n1. 第一篇文章\n\n〔要情动态〕\n\n第一篇文章\n\n正文。（甲工会）\n')
    expect(issue.sections).toEqual([
      { name: '要情动态', items: [{ kind: 'article', title: '第一篇文章', paragraphs: ['正文。'], source: { organization: '甲工会', author: null } }] },
    ])
  })

  it('treats a trailing heading that lists nothing as the body when prose follows', () => {
    const issue = doc('本期导读\n\n〔要情动态〕\n\n1. 第一篇文章\n\n〔基层动态〕\n\n△短讯。（丙工会）\n')
    expect(issue.sections.map((s) => s.name)).toEqual(['基层动态'])
    expect(messages(issue)).toEqual([expect.stringMatching(/第 1 条.*找不到/)])
  })
})

describe('header and footer variants', () => {
  it('reads a label, publisher and date written on one line, and other bracket styles', () => {
    const issue = importIssue('工会信息\n【2019】第十二期  广州市总工会办公室  2019年12月20日\n〔基层动态〕\n△短讯。（某工会）\n')
    expect(issue).toMatchObject({ masthead: '工会信息', year: 2019, number: 12, label: '【2019】第十二期', publisher: '广州市总工会办公室', date: '2019-12-20', permit: null })
  })

  it('warns when the label year and the date year differ', () => {
    const issue = importIssue('工会信息\n〔2019〕第十二期\n2020年1月2日\n〔基层动态〕\n△短讯。（某工会）\n')
    expect(issue.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/2019.*2020/)])
  })

  it('reads a footer written as plain lines with the editor details on separate lines', () => {
    const issue = doc('〔基层动态〕\n\n△短讯。（某工会）\n\n报：甲同志，\n乙同志。\n发：各区总工会。\n责任编辑：李四\nE-mail：li@example.org\n电话：020-1234 5678\n')
    expect(issue.distribution).toEqual({ reportTo: '甲同志，乙同志。', sendTo: '各区总工会。' })
    expect(issue.editor).toEqual({ name: '李四', email: 'li@example.org', phone: '020-1234 5678' })
  })

  it('warns about footer text it cannot place instead of dropping it silently', () => {
    const issue = doc('〔基层动态〕\n\n△短讯。（某工会）\n\n报：甲同志。\n\n（共印 200 份）\n')
    expect(issue.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/共印 200 份/)])
  })
})

describe('Markdown written by a converter', () => {
  it('reads backslash escapes and backslash hard breaks as markup', () => {
    const tokens = tokenize('\\[信息短波\\]\n1\\. 标题\n报：甲，\\\n乙。\n路径C:\\\\')
    expect(tokens.map((t) => t.kind)).toEqual(['heading', 'entry', 'footer', 'text', 'text'])
    expect(tokens[0]).toMatchObject({ name: '信息短波' })
    expect(tokens[2]).toMatchObject({ hardBreak: true, value: '甲，' })
    expect(tokens[4]).toMatchObject({ hardBreak: false, text: '路径C:\\' })
  })

  it('imports a pandoc-style escaped bulletin like the plain one', () => {
    const escaped = doc('本期导读\n\n\\[要情动态\\]\n\n1\\. 第一篇文章\n\n\\[要情动态\\]\n\n第一篇文章 正文。（甲工会）\n')
    expect(escaped.sections).toEqual([
      { name: '要情动态', items: [{ kind: 'article', title: '第一篇文章', paragraphs: ['正文。'], source: { organization: '甲工会', author: null } }] },
    ])
  })
})
