/**
 * Builds a real .docx from a Markdown bulletin with the `docx` package, the way an editor's Word file
 * looks: bold runs for bold titles, plain runs otherwise, headings with their brackets.
 *
 * - 'lines': one Word paragraph per Markdown line (blank lines as empty paragraphs, trailing spaces
 *   kept, headings as plain paragraphs), so paragraph numbers equal the Markdown's line numbers.
 * - 'paragraphs': one Word paragraph per Markdown paragraph, no empty paragraphs, hard breaks as
 *   Word line breaks, headings in Word's Heading styles. `lineMap` maps a Markdown line to the line
 *   the importer counts in the .docx. With `wordLists`, numbered lines (the contents) become a real
 *   Word numbered list, whose numbers are not in the text.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx'

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

function runs(text: string, breakBefore: boolean): TextRun[] {
  const bold = /^\*\*(.+?)\*\*(.*)$/.exec(text)
  const parts = bold ? [new TextRun({ text: bold[1], bold: true }), ...(bold[2] ? [new TextRun(bold[2])] : [])] : [new TextRun(text)]
  if (breakBefore) parts.unshift(new TextRun({ text: '', break: 1 }))
  return parts
}

export async function markdownToDocx(
  markdown: string,
  mode: 'lines' | 'paragraphs',
  { wordLists = false }: { wordLists?: boolean } = {},
): Promise<{ bytes: Uint8Array; lineMap: Map<number, number> }> {
  const lines = markdown.split('\n')
  const paragraphs: Paragraph[] = []
  const lineMap = new Map<number, number>()
  if (mode === 'lines') {
    lines.forEach((line, i) => {
      lineMap.set(i + 1, i + 1)
      const heading = /^#{1,6}\s+(.*)$/.exec(line)
      paragraphs.push(new Paragraph({ children: heading ? [new TextRun(heading[1])] : runs(line, false) }))
    })
  } else {
    let docxLine = 0
    let block: Array<{ text: string; mdLine: number }> = []
    const flush = () => {
      if (block.length === 0) return
      const heading = /^(#{1,6})\s+(.*)$/.exec(block[0].text)
      if (heading) {
        paragraphs.push(new Paragraph({ heading: LEVELS[heading[1].length - 1], children: [new TextRun(heading[2])] }))
      } else if (wordLists && block.every((l) => /^\d+\. /.test(l.text))) {
        for (const l of block) {
          const text = l.text.replace(/^\d+\. /, '')
          paragraphs.push(new Paragraph({ numbering: { reference: 'contents', level: 0 }, children: [new TextRun(text)] }))
        }
      } else {
        paragraphs.push(new Paragraph({ children: block.flatMap((l, i) => runs(l.text.replace(/ {2,}$/, ''), i > 0)) }))
      }
      block.forEach((l) => lineMap.set(l.mdLine, ++docxLine)) // (a list item is a paragraph of its own too)
      block = []
    }
    lines.forEach((line, i) => {
      if (line.trim() === '') flush()
      else block.push({ text: line, mdLine: i + 1 })
      // A heading is a paragraph of its own even without a blank line after it.
      if (/^#{1,6}\s/.test(line)) flush()
    })
    flush()
  }
  const numbering = { config: [{ reference: 'contents', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] }
  const document = new Document({ numbering, sections: [{ children: paragraphs }] })
  return { bytes: new Uint8Array(await Packer.toBuffer(document)), lineMap }
}

/** A bulletin (the sample by default) with its first article grown by `count` paragraphs: a long, real-shaped issue. */
export function longBulletin(count: number, bulletin = readFileSync(path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md'), 'utf8')): string {
  const extra = Array.from({ length: count }, (_, i) => `第${i + 1}段，各级工会组织认真贯彻落实上级部署，扎实推进各项工作。`).join('\n\n')
  // Before the first article's source, so the source still ends the article.
  return bulletin.replace(/（[^（）\n]*）\n/, (source) => `\n\n${extra}\n\n${source}`)
}
