/**
 * Page furniture: what the page printed around the text, not part of it. Page numbers (— 2 —,
 * - 2 -, 第2页) and the running header repeated on every page (工会信息　2023年第5期), whether on a
 * line of their own or glued into a sentence by a copy out of a PDF. Each removal is a warning, and
 * the line after a removed one is marked as starting a new page (a title or paragraph may go on).
 */
import type { ImportWarning } from '../bulletin'
import type { LineBlock, StreamBlock } from './stream'
import { warnings } from './warnings'

const PAGE_NUMBER = /^\s*(?:[—–－-]\s*\d{1,3}\s*[—–－-]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$/
const RUNNING_HEADER = /^\s*工\s*会\s*信\s*息[\s\u3000]*(?:[〔[【]\s*\d{4}\s*[〕\]】]|\d{4}\s*年)?\s*第\s*[0-9一二三四五六七八九十百、\-－]{1,10}\s*期\s*$/
/** A page number inside a line, with the running header that may follow or precede it. */
const INLINE =
  /(?:工会信息[\s\u3000]*(?:〔\d{4}〕|\d{4}年)第[0-9一二三四五六七八九十]{1,4}期[\s\u3000]*)?[—–－]\s*\d{1,3}\s*[—–－](?:[\s\u3000]*工会信息[\s\u3000]*(?:〔\d{4}〕|\d{4}年)第[0-9一二三四五六七八九十]{1,4}期)?/g
/** The masthead may print 工会信息 and the label on one line: the first lines are never furniture. */
const MASTHEAD_LINES = 3

function withoutInline(block: LineBlock, out: ImportWarning[]): LineBlock {
  if (!/[—–－]\s*\d/.test(block.text)) return block
  const text = block.text.replace(INLINE, (match, offset: number, whole: string) => {
    // Only between two characters of prose: a dash-number-dash at a line's edge is a whole-line case.
    const inside = offset > 0 && offset + match.length < whole.length && /\S/.test(whole[offset - 1]) && /\S/.test(whole[offset + match.length])
    if (!inside) return match
    out.push(warnings.furnitureRemoved(block.line, match.trim()))
    return ''
  })
  return text === block.text ? block : { ...block, text }
}

export function removeFurniture(blocks: StreamBlock[]): { blocks: StreamBlock[]; warnings: ImportWarning[] } {
  const out: ImportWarning[] = []
  const kept: StreamBlock[] = []
  let seen = 0
  let removedBefore = false
  for (const block of blocks) {
    if (block.kind !== 'line') {
      kept.push(block)
      continue
    }
    const blank = block.text.trim() === ''
    if (!blank) seen++
    const furniture = PAGE_NUMBER.test(block.text) || (seen > MASTHEAD_LINES && RUNNING_HEADER.test(block.text))
    if (furniture) {
      out.push(warnings.furnitureRemoved(block.line, block.text.trim()))
      removedBefore = true
      continue
    }
    // Blank lines around a removed page number belong to the page break, not to the text.
    if (blank && removedBefore) continue
    const clean = withoutInline(block, out)
    kept.push(removedBefore ? { ...clean, hints: { ...clean.hints, pageBreakBefore: true } } : clean)
    removedBefore = false
  }
  return { blocks: kept, warnings: out }
}
