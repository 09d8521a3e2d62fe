/**
 * Lines → tokens. Each token keeps its 1-based line number and raw text, and says what the line
 * looks like on its own; what it means (a contents entry or a numbered paragraph) is decided later
 * by build-issue, which knows where in the document the line stands.
 */
import { parseNumber } from './chinese-numerals'
import * as rules from './rules'
import { rowText, type LineHints, type LineMark, type PictureBlock, type StreamBlock } from './stream'

interface TokenBase {
  line: number
  raw: string
  /** The raw line without its markup-free edges: trimmed, form feeds removed. */
  text: string
  /** Ends with a Markdown hard break: the next line continues this one. */
  hardBreak: boolean
  /** What the source knew about the line beyond its text (alignment, a page break before it). */
  hints?: LineHints
  /** Invisible characters taken out of the line (page breaks, bidirectional and other format controls). */
  removed?: string[]
  /** Starts with ** but is no whole bold run: kept as text, and said so. */
  strayBold?: boolean
}

export type Token =
  | (TokenBase & { kind: 'blank' })
  | (TokenBase & { kind: 'rule' })
  | (TokenBase & { kind: 'heading'; name: string; bracketed: boolean; level: number })
  | (TokenBase & { kind: 'entry'; number: number; marker: string; title: string })
  | (TokenBase & { kind: 'bold'; title: string; rest: string })
  | (TokenBase & { kind: 'brief'; body: string })
  | (TokenBase & { kind: 'footer'; key: '报' | '发' | '责任编辑'; value: string })
  | (TokenBase & { kind: 'text' })
  | (TokenBase & { kind: 'table'; rows: string[][] })
  | (TokenBase & { kind: 'picture'; picture: PictureBlock })

export type TokenKind = Token['kind']

/** Splits on any line ending (\r\n, \r, \n); the caller has already refused binary input. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
}

function headingName(inner: string): { name: string; bracketed: boolean } {
  const bracketed = rules.bracketedName.exec(inner)
  if (bracketed)
    return {
      name: bracketed
        .slice(1)
        .find((g) => g !== undefined)!
        .trim(),
      bracketed: true,
    }
  return { name: inner.trim(), bracketed: false }
}

function trailingBackslashes(line: string): number {
  let count = 0
  while (count < line.length && line[line.length - 1 - count] === '\\') count++
  return count
}

/** `\[` → `[`: CommonMark's backslash escapes of ASCII punctuation. */
export function unescapeMarkdown(line: string): string {
  return line.includes('\\') ? line.replace(/\\([!-/:-@[-`{-~])/g, '$1') : line
}

/** `## 〔要情动态〕 ##` → `〔要情动态〕` (string operations, not a regex that could backtrack). */
function withoutClosingHashes(inner: string): string {
  const trimmed = inner.trimEnd()
  let end = trimmed.length
  while (end > 0 && trimmed[end - 1] === '#') end--
  if (end === trimmed.length || (end > 0 && trimmed[end - 1] !== ' ' && trimmed[end - 1] !== '\t')) return trimmed
  return trimmed.slice(0, end).trimEnd()
}

/**
 * Characters that show nothing and are no part of the text: the form feed (Word's page break in copied
 * text), bidirectional overrides and isolates (U+202E can make 第二十期 display as 第十二期), zero-width
 * spaces, word joiners, soft hyphens, a stray BOM. The zero-width joiner stays: emoji need it.
 */
const INVISIBLE = /[\f\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g

const codePointName = (c: string) => (c === '\f' ? '分页符' : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)

export function tokenizeLine(raw: string, line: number): Token {
  const found = raw.match(INVISIBLE)
  const unfed = found ? raw.replace(INVISIBLE, '') : raw
  const removed = found ? [...new Set(found.map(codePointName))] : undefined
  // Markdown written by converters (pandoc) escapes punctuation (\[信息短波\], 1\.) and may end a
  // line with a backslash hard break; both are markup.
  const backslashBreak = trailingBackslashes(unfed) % 2 === 1
  const clean = unescapeMarkdown(backslashBreak ? unfed.slice(0, -1) : unfed)
  const base: TokenBase = { line, raw, text: clean.trim(), hardBreak: backslashBreak || rules.hasHardBreak(clean), ...(removed ? { removed } : {}) }
  if (base.text === '') return { ...base, kind: 'blank' }
  if (rules.rule.test(clean)) return { ...base, kind: 'rule' }

  const md = rules.markdownHeading.exec(clean)
  if (md) return { ...base, kind: 'heading', level: md[1].length, ...headingName(withoutClosingHashes(md[2])) }
  if (rules.bracketedName.test(clean)) return { ...base, kind: 'heading', level: 0, ...headingName(clean) }

  const entry = rules.numberedEntry.exec(clean)
  if (entry) {
    const number = entry[2] ? entry[2].charCodeAt(0) - 0x2460 + 1 : (parseNumber(entry[1] ?? entry[3]) ?? 0)
    const marker = clean.slice(0, clean.length - entry[4].length).trim()
    return { ...base, kind: 'entry', number, marker, title: entry[4].trim() }
  }
  const bold = rules.boldLead.exec(clean)
  if (bold) {
    const title = bold[1].trim()
    // A bold line holding only a section name or 本期导读 is that heading, written in bold.
    const wholeLine = bold[2].trim() === ''
    if (wholeLine && (rules.bracketedName.test(title) || rules.contentsTitle.test(title))) {
      return { ...base, kind: 'heading', level: 0, ...headingName(title) }
    }
    return { ...base, kind: 'bold', title, rest: bold[2].trim() }
  }
  const brief = rules.briefMark.exec(clean)
  if (brief) return { ...base, kind: 'brief', body: brief[1].trim() }
  const footer = rules.footerKey.exec(clean)
  if (footer) return { ...base, kind: 'footer', key: footer[1] as '报' | '发' | '责任编辑', value: footer[2].trim() }
  if (/^\s*\*\*(?!\*)/.test(clean)) return { ...base, kind: 'text', strayBold: true }
  return { ...base, kind: 'text' }
}

export function tokenize(text: string): Token[] {
  return splitLines(text).map((raw, i) => tokenizeLine(raw, i + 1))
}

/** One block of the stream → its token; tables and pictures are tokens of their own kind. */
export function tokenizeBlock(block: StreamBlock): Token {
  if (block.kind === 'table') {
    const text = block.rows.map(rowText).join('\n')
    return { kind: 'table', line: block.line, raw: text, text, hardBreak: false, rows: block.rows }
  }
  if (block.kind === 'picture') {
    return { kind: 'picture', line: block.line, raw: '', text: block.alt ?? '', hardBreak: false, picture: block }
  }
  const token = tokenizeLine(block.text, block.line)
  if (!block.hints) return token
  return block.hints.mark && token.kind !== 'blank' ? marked(token, block.hints.mark, block.hints) : { ...token, hints: block.hints }
}

/** The line's words without the markup that made it look like something (##, **, △). */
function plainText(t: Token): string {
  if (t.kind === 'heading') return t.name
  if (t.kind === 'brief') return t.body
  return t.text.replace(/\*\*(?!\s)(.+?)\*\*/g, '$1')
}

/** A line an editor marked: the token of that kind, whatever the line looks like (body.ts honours the mark). */
function marked(token: Token, mark: LineMark, hints: LineHints): Token {
  const { kind: _kind, ...base } = token as TokenBase & { kind: string }
  const common: TokenBase = { line: base.line, raw: base.raw, text: base.text, hardBreak: base.hardBreak, hints, ...(base.removed ? { removed: base.removed } : {}) }
  const text = plainText(token)
  switch (mark) {
    case 'title':
      return token.kind === 'bold' ? { ...token, hints } : { ...common, kind: 'bold', title: text, rest: '' }
    case 'subheading':
      return { ...common, kind: 'bold', title: text, rest: '' }
    case 'section':
      return { ...common, kind: 'heading', name: text, bracketed: true, level: 0 }
    case 'brief':
      return { ...common, kind: 'brief', body: text }
    case 'source':
    case 'paragraph':
      return { ...common, text, kind: 'text' }
  }
}
