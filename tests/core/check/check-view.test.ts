/** The check view (src/core/import/check-view.ts): the document's lines and the structure read from them, each with its line. */
import type { StoredIssue } from '../../../src/core/bulletin'
import { readText } from '../../../src/core/import'
import { sourceLines, structureOf } from '../../../src/core/import/check-view'
import { readFixture, readSample } from '../import/support'

function read(text: string) {
  const r = readText(text)
  if (!r.result.ok || !r.source) throw new Error('does not import')
  return { stream: r.source, issue: r.result.issue }
}

const lineNumberOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('check view', () => {
  it('pins facts, sections, titles and sources to the lines they were read from', () => {
    const text = readSample()
    const { stream, issue } = read(text)
    const nodes = structureOf(stream, issue)
    expect(nodes.slice(0, 3)).toEqual([
      { kind: 'facts', line: 3, text: '报头：工会信息' },
      { kind: 'facts', line: lineNumberOf(text, '〔2020〕第二十期'), text: '期号：〔2020〕第二十期' },
      { kind: 'facts', line: lineNumberOf(text, '2020年7月13日'), text: '日期：2020-07-13' },
    ])
    const title = nodes.find((n) => n.kind === 'article' && n.text === '增城区总工会网络直播心系职工传递关怀')!
    expect(title.line).toBe(lineNumberOf(text, '**增城区总工会网络直播'))
    expect(nodes).toContainEqual({ kind: 'source', line: lineNumberOf(text, '涂冬妮）'), text: '增城区总工会 涂冬妮' })
    // The untitled-looking first article: its title was found from the contents, its source on the next page's line.
    expect(nodes).toContainEqual({ kind: 'source', line: lineNumberOf(text, '即安排在合作企业工作。（市总工会生活部）'), text: '市总工会生活部' })
    expect(nodes.filter((n) => n.kind === 'section').map((n) => n.text)).toEqual(['要情动态', '工作交流', '信息短波'])
    expect(nodes.filter((n) => n.kind === 'brief')).toHaveLength(issue.sections[2].items.length)
    // Document order.
    expect(nodes.map((n) => n.line)).toEqual([...nodes.map((n) => n.line)].sort((a, b) => a - b))
    // Every warning's line is a line of the document.
    const lines = new Set(sourceLines(stream).map((l) => l.line))
    for (const w of issue.warnings) expect(lines.has(w.line)).toBe(true)
  })

  it('names the stored item of each part, and shows tables with their rows', () => {
    const text = readFixture('corpus/md-pipe-table.md')
    const { stream, issue } = read(text)
    let id = 100
    const stored = { ...issue, sections: issue.sections.map((s) => ({ ...s, items: s.items.map((item) => ({ ...item, id: id++ })) })) } as unknown as StoredIssue
    const nodes = structureOf(stream, stored)
    const table = nodes.find((n) => n.kind === 'table')!
    expect(table.itemId).toBeGreaterThanOrEqual(100)
    expect(sourceLines(stream)).toContainEqual({ line: table.line, kind: 'table', text: table.text })
    expect(table.text.split('\n').length).toBeGreaterThan(1)
    for (const n of nodes) if (n.kind !== 'facts' && n.kind !== 'section') expect(n.itemId).toBeDefined()
  })
})
