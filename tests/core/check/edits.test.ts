/**
 * Fixes without Word (src/core/import/edits.ts): each edit changes only the lines it names, and the
 * document read again changes only the items on those lines. Properties over the sample and the
 * hand-written text fixtures, with fast-check; examples for what each edit makes of the issue.
 */
import fc from 'fast-check'
import { readdirSync } from 'node:fs'
import type { Issue, Item } from '../../../src/core/bulletin'
import type { SourceEdit } from '../../../src/core/check'
import { readText, rereadSource, type Stream } from '../../../src/core/import'
import { applyEdit } from '../../../src/core/import/edits'
import { FIXTURES_DIR, readFixture, readSample } from '../import/support'

function sourceOf(text: string): { stream: Stream; issue: Issue } {
  const read = readText(text)
  if (!read.result.ok || !read.source) throw new Error('fixture does not import')
  return { stream: read.source, issue: read.result.issue }
}

const documents = [
  readSample(),
  ...readdirSync(FIXTURES_DIR)
    .filter((f) => /\.(md|txt)$/.test(f))
    .map(readFixture),
].map(sourceOf)

const textLines = (stream: Stream) => stream.blocks.flatMap((b) => (b.kind === 'line' && b.text.trim() !== '' ? [b.line] : []))
const lineTexts = (stream: Stream) => stream.blocks.map((b) => (b.kind === 'line' ? b.text : JSON.stringify(b)))
const itemText = (item: Item) => JSON.stringify(item.kind === 'article' ? [item.title, item.paragraphs, item.source] : [item.text, item.source])

/** Each item's text with the span of lines it was read from (its line up to the next item's). */
function itemSpans(stream: Stream): Array<{ text: string; from: number; to: number }> {
  const { result, outline } = rereadSource(stream)
  if (!result.ok || !outline) return []
  const starts = outline.sections.flatMap((s, i) => s.items.map((o, j) => ({ line: o.line, item: result.issue.sections[i].items[j] })))
  const end = outline.body.footerLine ?? Infinity
  return starts.map((s, k) => ({ text: itemText(s.item), from: s.line, to: (starts[k + 1]?.line ?? end) - 1 }))
}

const markAs = fc.constantFrom('title', 'section', 'subheading', 'brief', 'source', 'paragraph' as const)
const plainWords = fc.array(fc.constantFrom(...'工会职工活动开展服务，我市'), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''))

/** The lines of the body: the masthead and contents are read by rules that look across lines. */
function bodyLines(stream: Stream): number[] {
  const body = rereadSource(stream).outline!.body
  return textLines(stream).filter((l) => l >= (body.firstLine ?? 0) && l < (body.footerLine ?? Infinity))
}

/** A document and an edit of one of its text lines (`inBody`: of a line of the body). */
const documentAndEdit = (inBody: boolean) =>
  fc.nat(documents.length - 1).chain((d) => {
    const lines = inBody ? bodyLines(documents[d].stream) : textLines(documents[d].stream)
    return fc.record({
      doc: fc.constant(d),
      edit: fc.oneof(
        fc.record({ op: fc.constant('mark' as const), line: fc.constantFrom(...lines), as: markAs }),
        fc.record({ op: fc.constant('merge' as const), line: fc.constantFrom(...lines) }),
        fc.record({ op: fc.constant('text' as const), line: fc.constantFrom(...lines), text: plainWords }),
        fc.record({ op: fc.constant('split' as const), line: fc.constantFrom(...lines), at: fc.integer({ min: 1, max: 60 }) }),
      ) as fc.Arbitrary<SourceEdit & { line: number }>,
    })
  })

/** The stream lines an edit touches: its own, and for a merge the next line with text. */
function touched(stream: Stream, edit: SourceEdit & { line: number }): number[] {
  if (edit.op !== 'merge') return [edit.line]
  const lines = textLines(stream)
  return [edit.line, lines[lines.indexOf(edit.line) + 1]].filter((l) => l !== undefined)
}

describe('edits on the kept source', () => {
  it('leave every other line’s text as it was (a split adds one line, a merge takes one away)', () => {
    fc.assert(
      fc.property(documentAndEdit(false), ({ doc, edit }) => {
        const { stream } = documents[doc]
        const outcome = applyEdit(stream, edit)
        if (!outcome.ok) return
        const before = lineTexts(stream)
        const after = lineTexts(outcome.stream)
        const at = stream.blocks.findIndex((b) => b.line === edit.line)
        const next = touched(stream, edit).at(-1)!
        const nextAt = stream.blocks.findIndex((b) => b.line === next)
        // Everything before the edited line and after the last line it touched, in order.
        expect(after.slice(0, at)).toEqual(before.slice(0, at))
        const tailBefore = before.slice(nextAt + 1)
        expect(after.slice(after.length - tailBefore.length)).toEqual(tailBefore)
        if (edit.op === 'mark') expect(after).toEqual(before)
        if (edit.op === 'split') expect(after[at] + after[at + 1]).toBe(before[at])
        if (edit.op === 'merge') expect(after[at]).toBe(before[at].replace(/\s+$/, '') + before[nextAt].replace(/^\s+/, ''))
      }),
      { numRuns: 300 },
    )
  })

  it('in the body, leave every item read from other lines as it was, or are refused with a line', () => {
    fc.assert(
      fc.property(documentAndEdit(true), ({ doc, edit }) => {
        const { stream } = documents[doc]
        const outcome = applyEdit(stream, edit)
        if (!outcome.ok) {
          expect(outcome.problem.message.length).toBeGreaterThan(0)
          return
        }
        const reread = rereadSource(outcome.stream)
        if (!reread.result.ok) {
          expect(reread.result.errors[0].message).toMatch(/\S/)
          return
        }
        const lines = touched(stream, edit)
        const spans = itemSpans(stream)
        // The items holding the touched lines, and their neighbours: a line that stops being a title
        // goes to the item above; one that becomes a title takes the lines below it.
        const holding = spans.flatMap((s, k) => (lines.some((l) => l >= s.from && l <= s.to) ? [k] : []))
        const untouched = spans.filter((_, k) => holding.every((h) => Math.abs(h - k) > 1))
        const afterTexts = new Set(itemSpans(outcome.stream).map((s) => s.text))
        for (const item of untouched) expect(afterTexts).toContain(item.text)
      }),
      { numRuns: 300 },
    )
  })
})

describe('each edit', () => {
  const sample = documents[0]
  const read = (edit: SourceEdit) => {
    const outcome = applyEdit(sample.stream, edit)
    if (!outcome.ok) throw new Error(outcome.problem.message)
    const result = rereadSource(outcome.stream).result
    if (!result.ok) throw new Error(result.errors[0].message)
    return result.issue
  }
  const lineOf = (needle: string) => sample.stream.blocks.find((b) => b.kind === 'line' && b.text.includes(needle))!.line

  it('facts: number, date and label, written the way the masthead writes them', () => {
    expect(read({ op: 'facts', number: 21 })).toMatchObject({ number: 21, label: '〔2020〕第二十一期' })
    expect(read({ op: 'facts', date: '2020-07-14' }).date).toBe('2020-07-14')
    expect(read({ op: 'facts', label: '〔2020〕第105期' })).toMatchObject({ number: 105, label: '〔2020〕第105期' })
    expect(applyEdit(sample.stream, { op: 'facts', date: '7月14日' })).toMatchObject({ ok: false, problem: { code: 'bad-fact' } })
  })

  it('mark a line as a title (a new article starts there) or a sub-heading (inside the article above)', () => {
    const titled = read({ op: 'mark', line: lineOf('家政”等 12 个订单班'), as: 'title' })
    expect(titled.sections[0].items).toHaveLength(4)
    expect(titled.sections[0].items[1]).toMatchObject({ kind: 'article', title: expect.stringMatching(/^家政”等 12 个订单班/), paragraphs: [] })
    const line = lineOf('**市总工会系统开展')
    const sub = read({ op: 'mark', line, as: 'subheading' })
    expect(sub.sections[0].items).toHaveLength(2)
    const article = sub.sections[0].items[1]
    expect(article.kind === 'article' && article.blocks?.[1]).toEqual({
      kind: 'subheading',
      text: '市总工会系统开展 2020 年“七·一”主题党日活动 7 月 8 日，市总工会在第一次劳动大会旧址礼堂开展庆“七一”主题党',
    })
  })

  it('mark a line as a brief or a source; refuses a mark in the masthead', () => {
    const brief = read({ op: 'mark', line: lineOf('家政”等 12 个订单班'), as: 'brief' })
    expect(brief.sections[0].items[1]).toMatchObject({ kind: 'brief', source: { organization: '市总工会生活部' } })
    expect(applyEdit(sample.stream, { op: 'mark', line: lineOf('〔2020〕第二十期'), as: 'title' })).toMatchObject({ ok: false, problem: { code: 'not-in-body', line: 5 } })
  })

  it('merge, split and correct a typo', () => {
    const typo = read({ op: 'text', line: lineOf('近日，海珠区工会'), text: '△近日，海珠区工会开展活动。（海珠区总工会）' })
    expect(typo.sections[2].items[0]).toEqual({ kind: 'brief', text: '近日，海珠区工会开展活动。', source: { organization: '海珠区总工会', author: null } })
    const line = lineOf('近日，海珠区工会')
    const split = read({ op: 'split', line, at: '△近日，海珠区工会“广联系大服务增活力”项目社工在鹭江社区党总支的支持下，'.length })
    expect(split.sections[2].items[0].kind === 'brief' && split.sections[2].items[0].text).toBe(
      '近日，海珠区工会“广联系大服务增活力”项目社工在鹭江社区党总支的支持下，\n开展“社企协同 心系职工”工会社工倡导珍爱生命远离毒品活动。',
    )
    const merged = read({ op: 'merge', line: lineOf('新增开设“粤菜师傅、南粤') })
    const first = merged.sections[0].items[0]
    expect(first.kind === 'article' && first.paragraphs.length).toBe(1)
    expect(applyEdit(sample.stream, { op: 'split', line, at: 0 })).toMatchObject({ ok: false, problem: { code: 'bad-offset', line } })
    expect(applyEdit(sample.stream, { op: 'text', line: 9999, text: 'x' })).toMatchObject({ ok: false, problem: { code: 'no-such-line', line: 9999 } })
  })
})
