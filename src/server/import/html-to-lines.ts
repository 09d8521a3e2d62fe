/**
 * mammoth's HTML → the importer's stream. Each paragraph, heading, list item or table cell is one
 * line (an empty paragraph an empty line), so a warning's line is the paragraph's number in the
 * document (a manual line break, <br>, starts a new line too, as a Markdown hard break). <strong>
 * runs become **…** so bold titles survive; Word headings become Markdown headings. A table becomes
 * one table block (its cells' lines still counted), a picture a picture block on its paragraph's
 * line; alignment and page breaks (marked by the style map in docx-to-text) become hints.
 */
import { lineBlock, type LineHints, type PictureBlock, type StreamBlock } from '../../core/import/stream'

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th'])

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/**
 * Word numbers the contents list across sections (1–3 under 〔要情动态〕, 4–6 under 〔工作交流〕), but
 * mammoth starts each list again at 1. A list separated from the previous one only by section
 * headings and empty paragraphs continues its numbering.
 */
function continuedCount(lines: string[], previous: { count: number; endLine: number } | null): number {
  if (!previous) return 0
  const between = lines.slice(previous.endLine)
  const onlyHeadings = between.every((l) => l.trim() === '' || /^\s*(#{1,6}\s+)?(〔[^〕]*〕|\[[^\]]*\]|【[^】]*】)\s*$/.test(l))
  return onlyHeadings ? previous.count : 0
}

interface TableDraft {
  startLine: number
  endLine: number
  rows: string[][]
}

export interface HtmlPictures {
  /** The picture an <img src="media:ID"> names (docx-to-text gave each picture its id). */
  picture(src: string, alt: string | null): Omit<PictureBlock, 'kind' | 'line'> | null
}

const attribute = (tag: string, name: string) => decodeEntities(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '')

export function htmlToStream(html: string, pictures: HtmlPictures = { picture: () => null }): StreamBlock[] {
  const lines: string[] = []
  const hints = new Map<number, LineHints>()
  const tables: TableDraft[] = []
  const pictureAt = new Map<number, PictureBlock[]>()
  let openTables: Array<TableDraft & { row: string[] | null; cellStart: number }> = []
  let pageBreak = false
  let line = ''
  let inBlock = false
  // For containers (li, td, th): how many lines existed when each opened, so that closing one that
  // held paragraphs of its own does not add an empty line.
  const opened: number[] = []
  const lists: Array<{ ordered: boolean; count: number }> = []
  let lastOrdered: { count: number; endLine: number } | null = null
  const endLine = () => {
    lines.push(line)
    line = ''
  }
  // Adjacent bold runs (Word splits runs freely) are one bold span.
  const source = html.replace(/<\/strong>(\s*)<strong>/g, '$1')
  const hint = (extra: LineHints) => hints.set(lines.length, { ...hints.get(lines.length), ...extra })
  for (const m of source.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const [whole, closing, rawTag, selfClosing, text] = m
    if (text !== undefined) {
      line += decodeEntities(text)
      continue
    }
    const tag = rawTag.toLowerCase()
    const table = openTables[openTables.length - 1]
    if (tag === 'table') {
      if (!closing) openTables.push({ startLine: lines.length, endLine: 0, rows: [], row: null, cellStart: 0 })
      else if (table) {
        openTables = openTables.slice(0, -1)
        // A table inside a cell is read as that cell's text; only the outermost is a table.
        if (openTables.length === 0 && table.rows.length > 0) tables.push({ startLine: table.startLine, endLine: lines.length, rows: table.rows })
      }
    } else if (tag === 'tr' && table) {
      if (!closing) table.row = []
      else if (table.row) table.rows.push(table.row)
    } else if (tag === 'img') {
      const found = pictures.picture(attribute(whole, 'src'), attribute(whole, 'alt') || null)
      if (found) pictureAt.set(lines.length, [...(pictureAt.get(lines.length) ?? []), { kind: 'picture', line: 0, ...found }])
    } else if (tag === 'hr' && / class="page-break"/.test(whole)) {
      pageBreak = true
    } else if (tag === 'br') {
      line += '  ' // a Markdown hard break: the next line continues this one
      endLine()
    } else if (tag === 'strong') {
      line += '**'
    } else if (tag === 'ol' || tag === 'ul') {
      if (closing) {
        const list = lists.pop()
        if (list?.ordered && lists.length === 0) lastOrdered = { count: list.count, endLine: lines.length }
      } else {
        lists.push({ ordered: tag === 'ol', count: tag === 'ol' && lists.length === 0 ? continuedCount(lines, lastOrdered) : 0 })
      }
    } else if (BLOCK.has(tag)) {
      const container = tag === 'li' || tag === 'td' || tag === 'th'
      if (closing) {
        const linesAtOpen = container ? (opened.pop() ?? -1) : -1
        if (!container || line !== '' || lines.length === linesAtOpen) endLine()
        inBlock = false
        const cell = (tag === 'td' || tag === 'th') && openTables.length === 1 ? table : null
        if (cell?.row)
          cell.row.push(
            lines
              .slice(cell.cellStart)
              .map((l) => l.replace(/\*\*/g, '').trim())
              .filter((l) => l !== '')
              .join('\n'),
          )
      } else if (!selfClosing) {
        if (inBlock && line !== '') endLine() // a block inside a cell: keep them apart
        if (container) opened.push(lines.length)
        if ((tag === 'td' || tag === 'th') && table) table.cellStart = lines.length
        inBlock = true
        const align = / class="align-(left|center|right|justify)"/.exec(whole)?.[1] as LineHints['align'] | undefined
        if (align) hint({ align })
        if (pageBreak && openTables.length === 0) hint({ pageBreakBefore: true })
        pageBreak = false
        if (/^h[1-6]$/.test(tag)) line += '#'.repeat(Number(tag[1])) + ' '
        const list = lists[lists.length - 1]
        if (tag === 'li' && list?.ordered) line += `${++list.count}. `
      }
    }
  }
  if (line !== '') endLine()
  // A bold run of only spaces is not a title: drop its markers.
  const texts = lines.map((l) => l.replace(/\*\*(\s*)\*\*/g, '$1'))
  const blocks: StreamBlock[] = []
  const tableAt = new Map(tables.map((t) => [t.startLine, t]))
  for (let i = 0; i < texts.length; i++) {
    for (const picture of pictureAt.get(i) ?? []) blocks.push({ ...picture, line: i + 1 })
    const table = tableAt.get(i)
    if (table) {
      blocks.push({ kind: 'table', line: i + 1, rows: table.rows })
      // The cells' lines are the table's; a picture in a cell follows the table.
      for (; i + 1 < table.endLine; i++) for (const picture of pictureAt.get(i + 1) ?? []) blocks.push({ ...picture, line: i + 2 })
      continue
    }
    blocks.push(lineBlock(i + 1, texts[i], hints.get(i)))
  }
  return blocks
}

/** The stream's text alone: one line per paragraph, table cell or list item; pictures dropped. */
export function htmlToLines(html: string): string {
  return htmlToStream(html)
    .flatMap((b) => (b.kind === 'line' ? [b.text] : b.kind === 'table' ? b.rows.flat() : []))
    .join('\n')
}
