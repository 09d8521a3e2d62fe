/**
 * The importer's public face: an editor's document as text (Markdown, or plain text copied out of
 * Word) → one Issue, or the problems that stop it being one. Pure: no Node, Taro or React imports.
 *
 * CONTRACT (other modules code against this; the implementation lives beside it):
 *   importText(text) → { ok: true, issue } | { ok: false, errors: ImportProblem[] }
 * Never throws for bad input; every problem names what is wrong and the 1-based line it is on.
 *
 * How it reads (markedjs style): rules.ts (named line patterns) → tokenize.ts (one token per line,
 * with kind, raw text and line number) → build-issue.ts (header, contents, body, footer) → Issue.
 */
import { buildIssue } from './build-issue'
import { detectBinary, problems } from './errors'
import { removeFurniture } from './furniture'
import type { Stream } from './stream'
import { textToStream } from './text-stream'
import type { ImportResult } from './types'

export type { ImportErrorCode, ImportProblem, ImportResult } from './types'
export type { Alignment, LineBlock, LineHints, PictureBlock, Stream, StreamBlock, TableBlock } from './stream'

export function importText(text: string): ImportResult {
  if (typeof text !== 'string' || text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, errors: [problems.empty()] }
  const binary = detectBinary(text)
  if (binary) return { ok: false, errors: [binary] }
  return buildIssue(textToStream(text))
}

/**
 * A stream of blocks another reader made (a .docx's paragraphs, tables and pictures) → Issue. Page
 * furniture typed into the document is removed here, as for text.
 */
export function importStream(stream: Stream): ImportResult {
  const lines = stream.blocks.filter((b) => b.kind !== 'line' || b.text.trim() !== '')
  if (lines.length === 0) return { ok: false, errors: [problems.empty()] }
  const text = stream.blocks.map((b) => (b.kind === 'line' ? b.text : '')).join('\n')
  const binary = detectBinary(text)
  if (binary) return { ok: false, errors: [binary] }
  const furniture = removeFurniture(stream.blocks)
  return buildIssue({ blocks: furniture.blocks, warnings: [...stream.warnings, ...furniture.warnings] })
}
