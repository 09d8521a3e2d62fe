/**
 * Turns an article or brief being assembled into its final value: the source comes off the end of
 * the last paragraph, the drafts become blocks (and their plain-text reading, `paragraphs`), and
 * the text is checked for what an editor should look at.
 */
import type { Article, Block, Brief, ImportWarning, Source } from '../bulletin'
import { findStrayLatinWords } from '../text/han'
import { isJoinable, lastLineOf, lineAt, textOf, type ParagraphDraft } from './paragraph'
import { bareSource, parseSource, splitSource } from './sources'
import { rowText } from './stream'
import { warnings } from './warnings'

export interface ItemDraft {
  kind: 'article' | 'brief'
  title: string
  line: number
  paragraphs: ParagraphDraft[]
}

/** The source off the end of the last paragraph; a table or picture never holds one. */
function takeSource(all: ParagraphDraft[], out: ImportWarning[]): { drafts: ParagraphDraft[]; source: Source | null } {
  // Pictures placed after the last paragraph do not hide the source at its end.
  let end = all.length
  while (end > 0 && all[end - 1].shape?.kind === 'picture') end--
  const trailing = all.slice(end)
  const found = takeSourceBefore(all.slice(0, end), out)
  return { drafts: [...found.drafts, ...trailing], source: found.source }
}

function takeSourceBefore(paragraphs: ParagraphDraft[], out: ImportWarning[]): { drafts: ParagraphDraft[]; source: Source | null } {
  const last = paragraphs[paragraphs.length - 1]
  if (last?.shape?.kind === 'source') {
    const source = markedSource(textOf(last))
    return source ? { drafts: paragraphs.slice(0, -1), source } : { drafts: paragraphs, source: null }
  }
  if (!last || !isJoinable(last)) return { drafts: paragraphs, source: null }
  const text = textOf(last)
  const { rest, source } = splitSource(text)
  if (!source) {
    const bare = last.shape?.kind === 'paragraph' && last.shape.align === 'right' ? bareSource(text) : null
    if (!bare) return { drafts: paragraphs, source: null }
    out.push(warnings.sourceWithoutParentheses(lastLineOf(last), text.trim()))
    return { drafts: paragraphs.slice(0, -1), source: bare }
  }
  // A source on a line of its own leaves an empty paragraph behind: drop it.
  if (rest === '') return { drafts: paragraphs.slice(0, -1), source }
  const trimmed: ParagraphDraft = { ...last, pieces: [{ text: rest, line: last.pieces[0].line }] }
  // Keep the pieces (and their lines) when the source sat in the last piece, as it almost always does.
  const lastPiece = last.pieces[last.pieces.length - 1]
  const cut = text.length - rest.length
  if (lastPiece.text.length >= cut) {
    trimmed.pieces = [...last.pieces.slice(0, -1), { ...lastPiece, text: lastPiece.text.slice(0, lastPiece.text.length - cut).trimEnd() }]
  }
  return { drafts: [...paragraphs.slice(0, -1), trimmed], source }
}

/** A line an editor marked as the source: its words, with or without their parentheses. */
function markedSource(text: string): Source | null {
  const inner = /^[（(]([\s\S]*)[)）]$/.exec(text.trim())
  return parseSource(inner ? inner[1] : text)
}

function strayLatin(text: string, lineOf: (index: number) => number, out: ImportWarning[]): void {
  for (const { word, index } of findStrayLatinWords(text)) {
    const context = text.slice(Math.max(0, index - 6), index + word.length + 6)
    out.push(warnings.strayLatin(lineOf(index), word, context))
  }
}

function blockOf(draft: ParagraphDraft): Block {
  const text = textOf(draft)
  const shape = draft.shape
  if (!shape || shape.kind === 'paragraph' || shape.kind === 'source') return { kind: 'paragraph', text }
  if (shape.kind === 'subheading') return { kind: 'subheading', text }
  if (shape.kind === 'list-item') return { kind: 'list-item', marker: shape.marker, text: text.slice(shape.marker.length).trim() }
  if (shape.kind === 'table') return { kind: 'table', rows: shape.rows }
  const { mediaId, width, height } = shape.picture
  return { kind: 'image', mediaId, width, height, caption: shape.caption }
}

/** How a block reads as text: a table one string per row, a picture its caption (if any). */
function textsOf(draft: ParagraphDraft): string[] {
  if (draft.shape?.kind === 'table') return draft.shape.rows.map(rowText)
  if (draft.shape?.kind === 'picture') return draft.shape.caption === null ? [] : [draft.shape.caption]
  return [textOf(draft)]
}

export function finishItem(draft: ItemDraft, out: ImportWarning[]): Article | Brief {
  const { drafts, source } = takeSource(draft.paragraphs, out)
  strayLatin(draft.title, () => draft.line, out)
  for (const d of drafts) if (isJoinable(d) || d.shape?.kind === 'subheading') strayLatin(textOf(d), (index) => lineAt(d, index), out)
  const texts = drafts.flatMap(textsOf)
  if (draft.kind === 'brief') return { kind: 'brief', text: texts.join('\n'), source }
  if (drafts.length === 0) out.push(warnings.articleWithoutText(draft.line, draft.title))
  if (!source) {
    const last = draft.paragraphs[draft.paragraphs.length - 1]
    out.push(warnings.articleWithoutSource(last ? lastLineOf(last) : draft.line, draft.title))
  }
  const article: Article = { kind: 'article', title: draft.title, paragraphs: texts, source }
  // Plain paragraphs only: `paragraphs` says it all (see blocksOf).
  if (drafts.some((d) => d.shape && d.shape.kind !== 'paragraph' && d.shape.kind !== 'source')) article.blocks = drafts.map(blockOf)
  return article
}
