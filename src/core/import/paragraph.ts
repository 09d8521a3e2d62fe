/**
 * A paragraph being assembled from one or more lines (a page break can cut it in two). It remembers
 * which line each piece came from, so a warning about a character points at the right line.
 */
export interface Piece {
  text: string
  line: number
}

export interface ParagraphDraft {
  pieces: Piece[]
}

export const paragraphOf = (text: string, line: number): ParagraphDraft => ({ pieces: [{ text, line }] })

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
