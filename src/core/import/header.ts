/**
 * The masthead block at the top: 工会信息 / 〔2020〕第二十期 / publisher / (permit) / date. It ends at
 * the first line that belongs to the contents or the body.
 */
import type { ImportWarning, Issue } from '../bulletin'
import { DATE_PATTERN, parseDate, parseNumber } from './chinese-numerals'
import { problems } from './errors'
import * as rules from './rules'
import type { Token } from './tokenize'
import type { ImportProblem } from './types'
import { warnings } from './warnings'

/** The masthead part of an Issue: what the header lines give. */
export type Header = Pick<Issue, 'masthead' | 'year' | 'number' | 'label' | 'publisher' | 'permit' | 'date' | 'numbers' | 'totalNumber' | 'special'>

/** Which line each fact was read from (for the console's check view). */
export interface HeaderLines {
  masthead: number | null
  label: number
  date: number
}

export interface HeaderRead {
  header: Header | null
  lines: HeaderLines
  /** Index of the first token after the header. */
  end: number
  errors: ImportProblem[]
  warnings: ImportWarning[]
}

export const isContentsTitle = (t: Token) => (t.kind === 'heading' && rules.contentsTitle.test(t.name)) || (t.kind === 'text' && rules.contentsTitle.test(t.text))

/** Whether a line holds what a masthead holds (the label, the date, 特刊), so that it may be bold. */
const mastheadLike = (text: string) => rules.issueLabel.test(text) || DATE_PATTERN.test(text) || rules.numericDate.test(text) || rules.specialIssue.test(text)

function endsHeader(t: Token, isFirst: boolean, foundBoth: boolean): boolean {
  if (isContentsTitle(t)) return true
  // A line an editor marked as something of the body is no part of the masthead.
  if (t.hints?.mark && t.hints.mark !== 'paragraph') return true
  if (t.kind === 'heading') return t.bracketed || !(isFirst || (!foundBoth && mastheadLike(t.name)))
  // Every masthead written in Word is bold: a bold first line, label or date is still the masthead.
  if (t.kind === 'bold') return !(t.rest === '' && (isFirst || (!foundBoth && mastheadLike(t.title))))
  if (t.kind === 'table' || t.kind === 'picture') return foundBoth
  if (t.kind === 'brief' || t.kind === 'entry' || t.kind === 'footer') return true
  // Once the label and date are known, a long line is prose: the body has started.
  return t.kind === 'text' && foundBoth && t.text.length > 30
}

const SEPARATORS = new Set([...' \t\u3000:：,，、|'])
/** Trims spaces and the separators left where a label or date was cut out of a line. */
function trimSeparators(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && (SEPARATORS.has(text[start]) || /\s/.test(text[start]))) start++
  while (end > start && (SEPARATORS.has(text[end - 1]) || /\s/.test(text[end - 1]))) end--
  return text.slice(start, end)
}

const digits = (s: string) => s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))

/** 一、二 → [1, 2]; 11-12 → [11, 12]; 1-3 → [1, 2, 3]. Null if any part is not a number. */
function numbersOf(printed: string): number[] | null {
  const parts = printed.split(/\s*[、，,]\s*/)
  const out: number[] = []
  for (const part of parts) {
    const range = part.split(/\s*[-－—~～至]\s*/).map(parseNumber)
    if (range.some((n) => n === null)) return null
    const [from, to] = range as number[]
    if (to !== undefined && to > from && to - from < 10) for (let n = from; n <= to; n++) out.push(n)
    else out.push(...(range as number[]))
  }
  return out
}

/** 工 会 信 息 (letter-spaced with real spaces) is 工会信息. */
const closeLetterSpacing = (text: string) => (/^\p{Script=Han}(?:[ \t\u3000]+\p{Script=Han})+$/u.test(text) ? text.replace(/[ \t\u3000]+/g, '') : text)

export function readHeader(tokens: Token[]): HeaderRead {
  const errors: ImportProblem[] = []
  const found: ImportWarning[] = []
  let masthead: string | null = null
  let mastheadLine: number | null = null
  let label: RegExpExecArray | null = null
  let labelLine = 0
  let date: RegExpExecArray | null = null
  let dateLine = 0
  let permit: string | null = null
  let publisher: string | null = null
  let firstLine: number | null = null
  let special = false
  let end = 0
  for (; end < tokens.length; end++) {
    const t = tokens[end]
    if (t.kind === 'blank' || t.kind === 'rule') continue
    const isFirst = firstLine === null
    if (endsHeader(t, isFirst, label !== null && date !== null)) break
    if (isFirst) firstLine = t.line
    let rest = t.kind === 'heading' ? t.name : t.kind === 'bold' ? t.title : t.kind === 'picture' ? '' : t.text
    const labelMatch: RegExpExecArray | null = label ? null : rules.issueLabel.exec(rest)
    if (labelMatch) [label, labelLine, rest] = [labelMatch, t.line, rest.replace(labelMatch[0], ' ')]
    const dateMatch: RegExpExecArray | null = date ? null : (DATE_PATTERN.exec(rest) ?? rules.numericDate.exec(rest))
    if (dateMatch) [date, dateLine, rest] = [dateMatch, t.line, rest.replace(dateMatch[0], ' ')]
    const permitMatch = rest.includes('准印证') ? rules.permit.exec(rest) : null
    if (permitMatch && permit === null) [permit, rest] = [permitMatch[1], rest.replace(permitMatch[0], ' ')]
    rest = trimSeparators(rest)
    if (rest === '') continue
    if (rules.specialIssue.test(rest)) special = true
    else if (masthead === null && (isFirst || t.kind === 'heading')) [masthead, mastheadLine] = [closeLetterSpacing(rest), t.line]
    else if (publisher === null) publisher = rest
    else found.push(warnings.unknownHeaderText(t.line, rest))
  }
  const whereHeader = firstLine ?? tokens.find((t) => t.kind !== 'blank')?.line ?? 1
  let numbers: number[] | null = null
  if (!label) errors.push(problems.noIssueNumber(whereHeader))
  else {
    numbers = numbersOf(label[6])
    if (numbers === null) errors.push(problems.badIssueNumber(labelLine, label[0]))
  }
  let iso: string | null = null
  let dateYear = 0
  if (!date) errors.push(problems.noDate(labelLine || whereHeader))
  else {
    const parsed = parseDate(date[1], date[2], date[3])
    if (parsed.ok) [iso, dateYear] = [parsed.iso, parsed.year]
    else errors.push(problems.badDate(dateLine, date[0], parsed.reason))
  }
  const lines: HeaderLines = { masthead: mastheadLine, label: labelLine, date: dateLine }
  if (errors.length > 0 || !label || numbers === null || iso === null) return { header: null, lines, end, errors, warnings: found }

  const total = label[7] ? parseNumber(label[7]) : null
  const labelYearText = label[1] ?? label[2] ?? label[3] ?? label[4] ?? label[5]
  const year = labelYearText ? Number(digits(labelYearText)) : dateYear
  if (year !== dateYear) found.push(warnings.yearMismatch(labelLine, year, dateYear))
  if (masthead === null) found.push(warnings.noMasthead(whereHeader))
  return {
    header: {
      masthead: masthead ?? '工会信息',
      year,
      number: numbers[0],
      label: label[0].trim(),
      publisher,
      permit,
      date: iso,
      // Only what is printed: a plain issue carries none of these.
      ...(numbers.length > 1 ? { numbers } : {}),
      ...(total !== null ? { totalNumber: total } : {}),
      ...(special ? { special: true as const } : {}),
    },
    lines,
    end,
    errors,
    warnings: found,
  }
}
