/**
 * Hostile or damaged text in a document: invisible characters (a right-to-left override that made a
 * stored 第二十期 display as 第十二期, zero-width spaces, a form feed) are taken out of titles, sources
 * and text with a warning on their line; a title written with stray spaces inside its ** is still a
 * title; a line that starts with ** but is no bold run is kept as written and reported, never merged
 * silently into the article before it.
 */
import { articlesOf, importIssue, readSample } from './support'

const sample = readSample()
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1
const TITLE = '市总工会系统开展 2020 年“七·一”主题党日活动'

describe('hostile text in a document', () => {
  it('takes bidirectional controls out of the label, titles and sources, warning on each line', () => {
    const text = sample
      .replace('〔2020〕第二十期', '〔2020〕第\u202e十二\u202c期')
      .replace(`**${TITLE}**`, `**市总工会系统\u202e开展\u200b 2020 年“七·一”主题党日活动**`)
      .replace('（市总工会机关党委）', '（市总工会\u2066机关党委\u2069）')
    const issue = importIssue(text)
    expect(issue.label).toBe('〔2020〕第十二期')
    const article = articlesOf(issue).find((a) => a.title.startsWith('市总工会系统'))!
    expect(article.title).toBe(TITLE)
    expect(article.source).toEqual({ organization: '市总工会机关党委', author: null })
    const flagged = issue.warnings.filter((w) => /看不见的控制字符/.test(w.message)).map((w) => w.line)
    expect(flagged).toEqual([lineOf(text, '第\u202e十二'), lineOf(text, '\u202e开展'), lineOf(text, '\u2066机关')])
    expect(issue.warnings.filter((w) => w.line === lineOf(text, '\u202e开展')).map((w) => w.message)).toContainEqual(expect.stringMatching(/U\+202E/))
  })

  it('warns where a form feed (a page break) was taken out', () => {
    const text = sample.replace('（市总工会机关党委）', '（市总工会\f机关党委）')
    const issue = importIssue(text)
    expect(articlesOf(issue).find((a) => a.title === TITLE)!.source).toEqual({ organization: '市总工会机关党委', author: null })
    expect(issue.warnings).toContainEqual({ line: lineOf(text, '\f'), message: expect.stringMatching(/分页符/) })
  })

  it('reads a title with spaces inside its ** as a title, and reports a ** line that is no bold run', () => {
    const spaced = importIssue(sample.replace(`**${TITLE}**`, `** ${TITLE} **`))
    expect(articlesOf(spaced).map((a) => a.title)).toContain(TITLE)
    expect(articlesOf(spaced).some((a) => a.paragraphs.some((p) => p.includes('**')))).toBe(false)

    const unclosed = sample.replace(`**${TITLE}**`, `**${TITLE}`)
    const issue = importIssue(unclosed)
    expect(issue.warnings).toContainEqual({ line: lineOf(unclosed, `**${TITLE}`), message: expect.stringMatching(/不是完整的加粗标题/) })
  })
})
