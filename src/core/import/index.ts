/**
 * The importer's public face: an editor's document as text (Markdown, or plain text copied out of
 * Word) → one Issue, or the problems that stop it being one. Pure: no Node, Taro or React imports.
 *
 * CONTRACT (other modules code against this; the implementation lives beside it):
 *   importText(text) → { ok: true, issue } | { ok: false, errors: ImportProblem[] }
 * Never throws for bad input; every problem names what is wrong and the 1-based line it is on.
 */
import type { Issue } from '../bulletin'

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'no-issue-number'
  | 'no-date'
  | 'unreadable-docx'
  | 'unsupported-format'
  | 'no-content'

export interface ImportProblem {
  code: ImportErrorCode
  /** 1-based line in the input, or null when the problem is the whole document. */
  line: number | null
  /** Plain words an editor understands, naming the problem and the line. */
  message: string
}

export type ImportResult = { ok: true; issue: Issue } | { ok: false; errors: ImportProblem[] }

export function importText(_text: string): ImportResult {
  throw new Error('importText: not implemented yet')
}
