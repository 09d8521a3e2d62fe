/**
 * Where the importer found each part of the issue: the line of every section heading, item title,
 * source, sub-heading, table and picture. A side output of the import (the Issue itself carries no
 * lines), which the console's check view pins beside the document's own text.
 */
import type { Item } from '../bulletin'
import type { HeaderLines } from './header'
import type { ItemDraft } from './items'
import { lastLineOf, textOf } from './paragraph'

export interface PartLine {
  kind: 'subheading' | 'table' | 'picture'
  line: number
  text: string
}

export interface ItemOutline {
  /** The title's line (an article), the △ line (a brief). */
  line: number
  /** The line the source was read from; null without a source. */
  sourceLine: number | null
  /** The article's sub-headings, tables and pictures, in order. */
  parts: PartLine[]
}

export interface SectionOutline {
  line: number
  items: ItemOutline[]
}

export interface ImportOutline {
  facts: HeaderLines
  /** Where the body starts (after the masthead and the contents) and where the footer starts (null: none). */
  body: { firstLine: number | null; footerLine: number | null }
  sections: SectionOutline[]
}

/** The lines of an item as it was drafted; `item` is what the draft became. */
export function outlineOf(draft: ItemDraft, item: Item): ItemOutline {
  // The source comes off the last paragraph that is no picture (see items.ts, takeSource).
  const beforePictures = draft.paragraphs.filter((p) => p.shape?.kind !== 'picture')
  const holder = beforePictures[beforePictures.length - 1]
  const parts: PartLine[] = []
  for (const p of draft.paragraphs) {
    const shape = p.shape
    const line = p.pieces[0].line
    if (shape?.kind === 'subheading') parts.push({ kind: 'subheading', line, text: textOf(p) })
    else if (shape?.kind === 'table') parts.push({ kind: 'table', line, text: textOf(p) })
    else if (shape?.kind === 'picture') parts.push({ kind: 'picture', line, text: [shape.caption, shape.picture.mediaId].filter((s) => s !== null).join(' ') })
  }
  return { line: draft.line, sourceLine: item.source && holder ? lastLineOf(holder) : null, parts }
}
