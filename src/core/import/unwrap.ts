/**
 * Text copied out of a PDF: every line cut at the same width (about 35 characters), no blank lines,
 * a new paragraph shown only by its 　　 indent. Such a document is recognised by its line widths
 * and unwrapped: a full-width line continues on the next one unless that one is indented, whatever
 * its last character (a wrapped line may well end with ” or a digit).
 */
import * as rules from './rules'
import type { LineBlock } from './stream'

/** Han and full-width characters are one unit wide, ASCII half: what the PDF's line width counts. */
function widthOf(text: string): number {
  let width = 0
  for (const ch of text.trim()) width += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1
  return width
}

const INDENTED = /^(?:\u3000|\s{2,})\S/
/** Lines that stand on their own whatever the width: headings, briefs, footer keys, contents entries. */
const standsAlone = (text: string) => rules.markdownHeading.test(text) || rules.bracketedName.test(text) || rules.briefMark.test(text) || rules.footerKey.test(text)

/** The common full width of a hard-wrapped document, or null when the lines are not hard-wrapped. */
function wrapWidth(lines: string[]): number | null {
  const widths = lines.map(widthOf).filter((w) => w >= 20)
  if (widths.length < 8) return null
  const counts = new Map<number, number>()
  for (const w of widths) counts.set(Math.floor(w), (counts.get(Math.floor(w)) ?? 0) + 1)
  const [mode] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]
  const full = widths.filter((w) => w >= mode - 2 && w <= mode + 1).length
  const blank = lines.filter((l) => l.trim() === '').length
  const wrapped = mode <= 60 && full >= 8 && full / widths.length >= 0.5 && blank <= lines.length * 0.1
  return wrapped ? mode : null
}

export function unwrapHardWrapped(numbered: LineBlock[]): { lines: LineBlock[]; joined: number; firstLine: number } {
  const width = wrapWidth(numbered.map((l) => l.text))
  if (width === null) return { lines: numbered, joined: 0, firstLine: 0 }
  const out: LineBlock[] = []
  let joined = 0
  let firstLine = 0
  let open = false // the last output line was full width: the next one may continue it
  for (const l of numbered) {
    const continues = open && l.text.trim() !== '' && !INDENTED.test(l.text) && !standsAlone(l.text)
    if (continues) {
      out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.trimEnd() + l.text.trim() }
      joined++
      if (firstLine === 0) firstLine = out[out.length - 1].line
    } else out.push(l)
    open = !standsAlone(l.text) && widthOf(l.text) >= width - 2
  }
  return { lines: out, joined, firstLine }
}
