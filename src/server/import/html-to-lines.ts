/**
 * mammoth's HTML → the importer's line-oriented text. Each paragraph, heading, list item or table
 * cell becomes one line (an empty paragraph an empty line), so a warning's line is the paragraph's
 * number in the document (a manual line break, <br>, starts a new line too, as a Markdown hard
 * break). <strong> runs become **…** so bold titles survive; Word headings become Markdown headings.
 */
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

export function htmlToLines(html: string): string {
  const lines: string[] = []
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
  for (const m of source.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const [, closing, rawTag, selfClosing, text] = m
    if (text !== undefined) {
      line += decodeEntities(text)
      continue
    }
    const tag = rawTag.toLowerCase()
    if (tag === 'br') {
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
        const linesAtOpen = container ? opened.pop() ?? -1 : -1
        if (!container || line !== '' || lines.length === linesAtOpen) endLine()
        inBlock = false
      } else if (!selfClosing) {
        if (inBlock && line !== '') endLine() // a block inside a cell: keep them apart
        if (container) opened.push(lines.length)
        inBlock = true
        if (/^h[1-6]$/.test(tag)) line += '#'.repeat(Number(tag[1])) + ' '
        const list = lists[lists.length - 1]
        if (tag === 'li' && list?.ordered) line += `${++list.count}. `
      }
    }
  }
  if (line !== '') endLine()
  // A bold run of only spaces is not a title: drop its markers.
  return lines.map((l) => l.replace(/\*\*(\s*)\*\*/g, '$1')).join('\n')
}
