/** The importer's result types (re-exported by ./index, which is the public face). */
import type { Issue } from '../bulletin'

export type ImportErrorCode = 'empty' | 'binary' | 'no-issue-number' | 'no-date' | 'unreadable-docx' | 'unsupported-format' | 'no-content' | 'too-large'

export interface ImportProblem {
  code: ImportErrorCode
  /** 1-based line in the input, or null when the problem is the whole document. */
  line: number | null
  /** Plain words an editor understands, naming the problem and the line. */
  message: string
}

export type ImportResult = { ok: true; issue: Issue } | { ok: false; errors: ImportProblem[] }
