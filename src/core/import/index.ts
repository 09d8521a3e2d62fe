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
import { readIssue } from './build-issue'
import { detectBinary, problems } from './errors'
import { removeFurniture } from './furniture'
import type { ImportOutline } from './outline'
import type { Stream } from './stream'
import { textToStream } from './text-stream'
import type { ImportResult } from './types'

export type { ImportErrorCode, ImportProblem, ImportResult } from './types'
export type { Alignment, LineBlock, LineHints, LineMark, PictureBlock, Stream, StreamBlock, TableBlock } from './stream'
export type { ImportOutline, ItemOutline, PartLine, SectionOutline } from './outline'

/**
 * The result, with the stream the bulletin rules read (`source`, kept so that an editor can check
 * and fix the document without Word: see edits.ts and check-view.ts) and where each part was read.
 */
export interface ImportRead {
  result: ImportResult
  /** null when the document never became a stream (empty, binary). */
  source: Stream | null
  outline: ImportOutline | null
}

const refused = (result: ImportResult): ImportRead => ({ result, source: null, outline: null })

export function importText(text: string): ImportResult {
  return readText(text).result
}

export function readText(text: string): ImportRead {
  if (typeof text !== 'string' || text.replace(/^\uFEFF/, '').trim() === '') return refused({ ok: false, errors: [problems.empty()] })
  const binary = detectBinary(text)
  if (binary) return refused({ ok: false, errors: [binary] })
  const source = textToStream(text)
  return { ...readIssue(source), source }
}

/**
 * A stream of blocks another reader made (a .docx's paragraphs, tables and pictures) → Issue. Page
 * furniture typed into the document is removed here, as for text.
 */
export function importStream(stream: Stream): ImportResult {
  return readStream(stream).result
}

export function readStream(stream: Stream): ImportRead {
  const refusal = unreadable(stream)
  if (refusal) return refused(refusal)
  const furniture = removeFurniture(stream.blocks)
  const source: Stream = { blocks: furniture.blocks, warnings: [...stream.warnings, ...furniture.warnings] }
  return { ...readIssue(source), source }
}

/** A kept source (as readText/readStream gave it, perhaps edited since) read again, exactly as then. */
export function rereadSource(source: Stream): ImportRead {
  const refusal = unreadable(source)
  if (refusal) return refused(refusal)
  return { ...readIssue(source), source }
}

function unreadable(stream: Stream): ImportResult | null {
  const lines = stream.blocks.filter((b) => b.kind !== 'line' || b.text.trim() !== '')
  if (lines.length === 0) return { ok: false, errors: [problems.empty()] }
  const text = stream.blocks.map((b) => (b.kind === 'line' ? b.text : '')).join('\n')
  const binary = detectBinary(text)
  return binary ? { ok: false, errors: [binary] } : null
}
