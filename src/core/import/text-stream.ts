/**
 * A text file (Markdown, pandoc Markdown, or plain text copied out of Word or a PDF) → the stream.
 * Markdown pipe tables become tables and `![…](…)` lines pictures; text copied out of a PDF,
 * hard-wrapped at a fixed width, is unwrapped into paragraphs first.
 */
import type { ImportWarning } from '../bulletin'
import { removeFurniture } from './furniture'
import { splitLines } from './tokenize'
import { lineBlock, type LineBlock, type Stream, type StreamBlock } from './stream'
import { unwrapHardWrapped } from './unwrap'
import { warnings } from './warnings'

const PIPE_ROW = /^\s*\|(.*)\|\s*$/
const PIPE_SEPARATOR = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?\|?\s*$/
/** ![caption](media/image1.jpeg){width="3in"}: pandoc's picture, alone on its line. */
const PICTURE = /^\s*!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)(?:\{[^}]*\})?\s*$/
/** Many leading spaces before a short line: how a right-aligned source looks once copied as text. */
const PUSHED_RIGHT = /^[ \u3000]{8,}\S/

/** `| a | b \| c |` → ['a', 'b | c'] (an escaped pipe stays in its cell). */
function cellsOf(inner: string): string[] {
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').replace(/\*\*/g, '').trim())
}

export function textToStream(text: string): Stream {
  const furniture = removeFurniture(splitLines(text).map((raw, i) => lineBlock(i + 1, raw)))
  const found: ImportWarning[] = [...furniture.warnings]
  // Furniture goes first: a page number between two wrapped lines would otherwise be unwrapped into them.
  const unwrapped = unwrapHardWrapped(furniture.blocks as LineBlock[])
  if (unwrapped.joined > 0) found.push(warnings.pdfLinesUnwrapped(unwrapped.firstLine, unwrapped.joined))
  const source = unwrapped.lines
  const blocks: StreamBlock[] = []
  for (let i = 0; i < source.length; i++) {
    const { text: raw, line, hints } = source[i]
    const row = PIPE_ROW.exec(raw)
    if (row && i + 1 < source.length && PIPE_SEPARATOR.test(source[i + 1].text)) {
      const rows = [cellsOf(row[1])]
      i += 2
      for (; i < source.length && PIPE_ROW.test(source[i].text); i++) rows.push(cellsOf(PIPE_ROW.exec(source[i].text)![1]))
      i--
      blocks.push({ kind: 'table', line, rows })
      continue
    }
    const picture = PICTURE.exec(raw)
    if (picture) {
      found.push(warnings.pictureNotIncluded(line, picture[2]))
      blocks.push({ kind: 'picture', line, mediaId: null, width: null, height: null, alt: picture[1].trim() || null })
      continue
    }
    blocks.push(PUSHED_RIGHT.test(raw) ? lineBlock(line, raw, { ...hints, align: 'right' }) : source[i])
  }
  return { blocks, warnings: found }
}
