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
import { tokenize } from './tokenize'
import type { ImportResult } from './types'

export type { ImportErrorCode, ImportProblem, ImportResult } from './types'

export function importText(text: string): ImportResult {
  if (typeof text !== 'string' || text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, errors: [problems.empty()] }
  const binary = detectBinary(text)
  if (binary) return { ok: false, errors: [binary] }
  return buildIssue(tokenize(text))
}
