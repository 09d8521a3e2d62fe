/**
 * Fixes without Word: pure edits on the kept source stream. Each touches only the lines it names;
 * every other line keeps its text (and a split shifts the line numbers after it by one). The caller
 * reads the edited stream again (rereadSource) and refuses the edit if it no longer reads as a
 * bulletin. Marks go through the line's hints, so the line's text does not change at all.
 */
import type { SourceEdit } from '../check'
import { DATE_PATTERN } from './chinese-numerals'
import { rereadSource } from './index'
import * as rules from './rules'
import type { LineBlock, Stream, StreamBlock } from './stream'
import { tokenizeLine } from './tokenize'

export type EditProblemCode = 'no-such-line' | 'not-a-text-line' | 'bad-offset' | 'nothing-to-merge' | 'bad-fact' | 'no-such-fact' | 'not-in-body'

export interface EditProblem {
  code: EditProblemCode
  line: number | null
  message: string
}

export type EditOutcome = { ok: true; stream: Stream } | { ok: false; problem: EditProblem }

const refuse = (code: EditProblemCode, line: number | null, message: string): EditOutcome => ({ ok: false, problem: { code, line, message } })
const where = (line: number) => `第 ${line} 行`

export function applyEdit(stream: Stream, edit: SourceEdit): EditOutcome {
  if (edit.op === 'facts') return editFacts(stream, edit)
  const at = stream.blocks.findIndex((b) => b.line === edit.line)
  if (at < 0) return refuse('no-such-line', edit.line, `${where(edit.line)}不存在 (there is no line ${edit.line})`)
  const block = stream.blocks[at]
  if (block.kind !== 'line') return refuse('not-a-text-line', edit.line, `${where(edit.line)}是表格或图片，不能这样修改 (line ${edit.line} is a table or picture)`)
  switch (edit.op) {
    case 'text':
      if (/[\r\n]/.test(edit.text)) return refuse('bad-offset', edit.line, `新的文字不能换行；要分成两段请用“拆分” (the new text must be one line)`)
      return replaced(stream, at, [{ ...block, text: edit.text }])
    case 'mark':
      return mark(stream, at, block, edit.as)
    case 'merge':
      return merge(stream, at, block)
    case 'split':
      return split(stream, at, block, edit.at)
  }
}

function replaced(stream: Stream, at: number, blocks: StreamBlock[], removeUpTo = at): EditOutcome {
  return { ok: true, stream: { ...stream, blocks: [...stream.blocks.slice(0, at), ...blocks, ...stream.blocks.slice(removeUpTo + 1)] } }
}

function mark(stream: Stream, at: number, block: LineBlock, as: NonNullable<LineBlock['hints']>['mark'] & string): EditOutcome {
  if (block.text.trim() === '') return refuse('not-a-text-line', block.line, `${where(block.line)}是空行 (line ${block.line} is blank)`)
  // The masthead and the contents are read by their own rules: a mark there would change how
  // everything after them reads. Their facts have an edit of their own.
  const { outline } = rereadSource(stream)
  const body = outline?.body
  if (body && ((body.firstLine !== null && block.line < body.firstLine) || (body.footerLine !== null && block.line >= body.footerLine))) {
    return refuse(
      'not-in-body',
      block.line,
      `${where(block.line)}在报头、本期导读或落款中，不能标记为正文内容；期号和日期请用“报头信息”修改 (line ${block.line} is not in the body)`,
    )
  }
  return replaced(stream, at, [{ ...block, hints: { ...block.hints, mark: as } }])
}

function merge(stream: Stream, at: number, block: LineBlock): EditOutcome {
  let next = at + 1
  while (next < stream.blocks.length && isBlank(stream.blocks[next])) next++
  const other = stream.blocks[next]
  if (!other) return refuse('nothing-to-merge', block.line, `${where(block.line)}后面没有可以合并的行 (no line after line ${block.line})`)
  if (other.kind !== 'line') return refuse('not-a-text-line', other.line, `${where(other.line)}是表格或图片，不能合并 (line ${other.line} is a table or picture)`)
  // The blank lines between go too: they held no text.
  return replaced(stream, at, [{ ...block, text: block.text.replace(/\s+$/, '') + other.text.replace(/^\s+/, '') }], next)
}

const isBlank = (b: StreamBlock) => b.kind === 'line' && b.text.trim() === ''

function split(stream: Stream, at: number, block: LineBlock, offset: number): EditOutcome {
  const text = block.text
  const bad = (why: string) => refuse('bad-offset', block.line, `${where(block.line)}不能在第 ${offset} 个字处拆分：${why} (cannot split line ${block.line} at ${offset})`)
  if (!Number.isInteger(offset) || offset <= 0 || offset >= text.length) return bad('位置应在这一行的文字中间')
  if (/[\uDC00-\uDFFF]/.test(text[offset])) return bad('这个位置在一个字的中间')
  const first = text.slice(0, offset)
  const second = text.slice(offset)
  if (first.trim() === '' || second.trim() === '') return bad('拆出的一半没有文字')
  // The new line takes the next number; the lines after it move down by one, as in the document.
  const shift = (line: number) => (line > block.line ? line + 1 : line)
  const { pageBreakBefore: _break, mark: _mark, ...kept } = block.hints ?? {}
  // Plain text after the cut is a paragraph of its own (not the continuation of a cut paragraph).
  const hints = { ...kept, ...(tokenizeLine(second, block.line + 1).kind === 'text' ? { mark: 'paragraph' as const } : {}) }
  const tail: LineBlock = { kind: 'line', line: block.line + 1, text: second, ...(Object.keys(hints).length > 0 ? { hints } : {}) }
  const blocks = stream.blocks.map((b, i) => (i === at ? { ...block, text: first } : { ...b, line: shift(b.line) }))
  blocks.splice(at + 1, 0, tail)
  return { ok: true, stream: { blocks, warnings: stream.warnings.map((w) => ({ ...w, line: shift(w.line) })) } }
}

const CHINESE_DIGITS = '零一二三四五六七八九'

/** 20 → 二十, 105 → 一百零五, 12 → 十二: as bulletins print an issue's number. */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]
  if (n < 20) return '十' + (n % 10 ? CHINESE_DIGITS[n % 10] : '')
  if (n < 100) return CHINESE_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CHINESE_DIGITS[n % 10] : '')
  const rest = n % 100
  const tail = rest === 0 ? '' : rest < 10 ? '零' + CHINESE_DIGITS[rest] : rest < 20 ? '一' + chineseNumber(rest) : chineseNumber(rest)
  return CHINESE_DIGITS[Math.floor(n / 100)] + '百' + tail
}

function editFacts(stream: Stream, edit: Extract<SourceEdit, { op: 'facts' }>): EditOutcome {
  const { outline } = rereadSource(stream)
  if (!outline) return refuse('no-such-fact', null, '这份文件读不出报头，无法修改期号和日期 (no masthead to edit)')
  let blocks = stream.blocks
  const onLine = (line: number, change: (text: string) => string | null): EditProblem | null => {
    const i = blocks.findIndex((b) => b.line === line)
    const block = blocks[i]
    const text = block?.kind === 'line' ? change(block.text) : null
    if (text === null) return { code: 'no-such-fact', line, message: `${where(line)}找不到要修改的期号或日期 (the fact is not on line ${line})` }
    blocks = blocks.map((b, j) => (j === i ? { ...(b as LineBlock), text } : b))
    return null
  }
  const problems: Array<EditProblem | null> = []
  if (edit.label !== undefined) {
    const label = edit.label.trim()
    if (!rules.issueLabel.test(label) || /[\r\n]/.test(label))
      return refuse('bad-fact', outline.facts.label, `期号“${label}”应写作“〔2020〕第二十期”这样的形式 (not an issue label)`)
    problems.push(onLine(outline.facts.label, (text) => (rules.issueLabel.test(text) ? text.replace(rules.issueLabel, label) : null)))
  }
  if (edit.number !== undefined) {
    if (!Number.isInteger(edit.number) || edit.number < 1 || edit.number > 999)
      return refuse('bad-fact', outline.facts.label, `期数应是 1 到 999 之间的整数 (the number must be 1–999)`)
    const n = edit.number
    problems.push(
      onLine(outline.facts.label, (text) => {
        const match = rules.issueLabel.exec(text)
        if (!match) return null
        const printed = /^[0-9０-９]/.test(match[6]) ? String(n) : chineseNumber(n)
        const start = match.index + match[0].indexOf(match[6], match[0].indexOf('第'))
        return text.slice(0, start) + printed + text.slice(start + match[6].length)
      }),
    )
  }
  if (edit.date !== undefined) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(edit.date)
    if (!iso) return refuse('bad-fact', outline.facts.date, `日期“${edit.date}”应写作 2020-07-13 (the date must be YYYY-MM-DD)`)
    const printed = `${iso[1]}年${Number(iso[2])}月${Number(iso[3])}日`
    problems.push(
      onLine(outline.facts.date, (text) =>
        DATE_PATTERN.test(text) ? text.replace(DATE_PATTERN, printed) : rules.numericDate.test(text) ? text.replace(rules.numericDate, printed) : null,
      ),
    )
  }
  const problem = problems.find((p) => p !== null)
  if (problem) return { ok: false, problem }
  return { ok: true, stream: { ...stream, blocks } }
}
