/**
 * The console's check-and-fix vocabulary (docs/console-api.md, "Check and fix"): the document's own
 * lines, the structure the importer read from them with each part's line, the edits an editor can
 * make without Word, and the record of those edits. Server and console both speak these types.
 */
import type { ImportWarning } from './bulletin'
import type { LineMark } from './import/stream'

/** One line of the document as the importer read it (a table: rows by newlines, cells by " | "; a picture: caption and media id). */
export interface SourceLine {
  line: number
  kind: 'line' | 'table' | 'picture'
  text: string
}

export type StructureKind = 'facts' | 'section' | 'article' | 'subheading' | 'brief' | 'source' | 'table' | 'picture'

/** A part of the issue as the importer read it, in document order, with the line it came from. */
export interface StructureNode {
  kind: StructureKind
  line: number
  text: string
  /** The stored item (article or brief) the part belongs to. */
  itemId?: number
}

export type { LineMark }

/** A fix without Word: on the kept source, then the document is read again. */
export type SourceEdit =
  | { op: 'facts'; label?: string; number?: number; date?: string }
  | { op: 'mark'; line: number; as: LineMark }
  /** Joins the line with the next line that has text. */
  | { op: 'merge'; line: number }
  /** Cuts the line in two at a character offset (UTF-16 code units, as JavaScript counts). */
  | { op: 'split'; line: number; at: number }
  | { op: 'text'; line: number; text: string }

/** A whole corrected document put in place of a published issue's. */
export interface DocumentReplacement {
  op: 'replace'
  fileName: string
}

/** Who changed the document, when, and how (with the correction note, for a published issue). */
export interface RecordedEdit {
  at: string
  editor: string
  edit: SourceEdit | DocumentReplacement
  note?: string
}

/** GET …/issues/:id/source */
export interface SourceView {
  lines: SourceLine[]
  structure: StructureNode[]
  warnings: ImportWarning[]
  edits: RecordedEdit[]
}
