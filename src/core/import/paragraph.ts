/**
 * A paragraph being assembled from one or more lines (a page break can cut it in two). It remembers
 * which line each piece came from, so a warning about a character points at the right line.
 */
import type { Alignment, PictureBlock } from './stream'

export interface Piece {
  text: string
  line: number
}

/**
 * What the draft becomes: a paragraph or list item (which a page break may cut, so they can be
 * joined), or a sub-heading, table or picture (never joined to anything).
 */
export type DraftShape =
  | { kind: 'paragraph'; align?: Alignment }
  | { kind: 'list-item'; marker: string }
  | { kind: 'subheading' }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'picture'; picture: PictureBlock; caption: string | null }
  /** A line an editor marked as the item's source: it becomes the source if it ends the item. */
  | { kind: 'source' }

export interface ParagraphDraft {
  pieces: Piece[]
  shape?: DraftShape
}

export const paragraphOf = (text: string, line: number, shape?: DraftShape): ParagraphDraft => (shape ? { pieces: [{ text, line }], shape } : { pieces: [{ text, line }] })

/** Whether a page break may have cut this draft, so that the next line continues it. */
export const isJoinable = (p: ParagraphDraft) => !p.shape || p.shape.kind === 'paragraph' || p.shape.kind === 'list-item'

export const textOf = (p: ParagraphDraft): string => p.pieces.map((piece) => piece.text).join('')

export const lastLineOf = (p: ParagraphDraft): number => p.pieces[p.pieces.length - 1].line

/** The line holding character `index` of the paragraph's text. */
export function lineAt(p: ParagraphDraft, index: number): number {
  let offset = 0
  for (const piece of p.pieces) {
    offset += piece.text.length
    if (index < offset) return piece.line
  }
  return lastLineOf(p)
}

/** `**bold**` inside a paragraph is emphasis markup: the words stay, the asterisks go. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*(?!\s)(.+?)\*\*/g, '$1')
}
