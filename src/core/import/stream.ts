/**
 * The intermediate stream every source becomes before the bulletin rules read it: one block per
 * line of text (with the hints the source could give), per table, per picture. Text files give
 * lines only; a .docx also gives alignment, page breaks, tables and pictures. Markup that the
 * tokenizer reads (`**bold**`, `# heading`) stays in the line's text.
 */
import type { ImportWarning } from '../bulletin'

export type Alignment = 'left' | 'center' | 'right' | 'justify'

/** What an editor said a line is (the console's "mark as"): the importer reads the line as that, whatever it looks like. */
export type LineMark = 'title' | 'section' | 'subheading' | 'brief' | 'source' | 'paragraph'

export interface LineHints {
  align?: Alignment
  /** A page ended just before this line (a Word page break, or page furniture removed there). */
  pageBreakBefore?: boolean
  /** Set only by an editor's fix (see edits.ts); a document never carries it. */
  mark?: LineMark
}

export interface LineBlock {
  kind: 'line'
  /** 1-based: the line of a text file, the paragraph of a .docx. */
  line: number
  text: string
  hints?: LineHints
}

export interface TableBlock {
  kind: 'table'
  line: number
  rows: string[][]
}

export interface PictureBlock {
  kind: 'picture'
  line: number
  mediaId: string | null
  width: number | null
  height: number | null
  /** The alt text or Markdown ![caption]; a caption line below the picture is found later. */
  alt: string | null
}

export type StreamBlock = LineBlock | TableBlock | PictureBlock

export interface Stream {
  blocks: StreamBlock[]
  /** What reading the source guessed (lines unwrapped, furniture removed). */
  warnings: ImportWarning[]
}

export const lineBlock = (line: number, text: string, hints?: LineHints): LineBlock => (hints ? { kind: 'line', line, text, hints } : { kind: 'line', line, text })

/** How a table reads as text: one string per row, cells apart. */
export const rowText = (row: string[]) => row.join(' | ')
