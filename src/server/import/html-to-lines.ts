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

export function htmlToLines(html: string): string {
  const lines: string[] = []
  let line = ''
  let inBlock = false
  // For containers (li, td, th): how many lines existed when each opened, so that closing one that
  // held paragraphs of its own does not add an empty line.
  const opened: number[] = []
  const lists: Array<{ ordered: boolean; count: number }> = []
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
      if (closing) lists.pop()
      else lists.push({ ordered: tag === 'ol', count: 0 })
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
