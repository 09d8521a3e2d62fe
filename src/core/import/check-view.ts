/**
 * The console's check view: the document's own lines beside the structure the importer read from
 * them, each part with its line (and the stored item it became), and the warnings with their lines.
 * Pure: built from the kept source and the stored issue.
 */
import type { Issue, Item, StoredIssue } from '../bulletin'
import type { SourceLine, StructureNode } from '../check'
import { sourceLine as sourceWords } from '../text/source-line'
import { rereadSource } from './index'
import { rowText, type Stream } from './stream'

/** The stream's blocks with text, as lines (blank lines left out: they hold nothing to check). */
export function sourceLines(stream: Stream): SourceLine[] {
  const lines: SourceLine[] = []
  for (const block of stream.blocks) {
    if (block.kind === 'line') {
      if (block.text.trim() !== '') lines.push({ line: block.line, kind: 'line', text: block.text })
    } else if (block.kind === 'table') lines.push({ line: block.line, kind: 'table', text: block.rows.map(rowText).join('\n') })
    else lines.push({ line: block.line, kind: 'picture', text: [block.alt, block.mediaId].filter((s) => s !== null).join(' ') })
  }
  return lines
}

const idOf = (item: Item) => ('id' in item && typeof item.id === 'number' ? { itemId: item.id } : {})

/**
 * The structure of `issue` as read from `stream` (the issue must be what that stream imports to;
 * stored ids are attached by reading order). Empty when the stream no longer reads as a bulletin.
 */
export function structureOf(stream: Stream, issue: Issue | StoredIssue): StructureNode[] {
  const { result, outline } = rereadSource(stream)
  if (!result.ok || !outline) return []
  const nodes: StructureNode[] = []
  const { facts } = outline
  if (facts.masthead !== null) nodes.push({ kind: 'facts', line: facts.masthead, text: `报头：${issue.masthead}` })
  nodes.push({ kind: 'facts', line: facts.label, text: `期号：${issue.label}` })
  nodes.push({ kind: 'facts', line: facts.date, text: `日期：${issue.date}` })
  outline.sections.forEach((section, s) => {
    const stored = issue.sections[s]
    if (!stored) return
    if (stored.name !== '') nodes.push({ kind: 'section', line: section.line, text: stored.name })
    section.items.forEach((lines, i) => {
      const item = stored.items[i]
      if (!item) return
      const id = idOf(item)
      nodes.push(item.kind === 'article' ? { kind: 'article', line: lines.line, text: item.title, ...id } : { kind: 'brief', line: lines.line, text: item.text, ...id })
      for (const part of lines.parts) nodes.push({ kind: part.kind, line: part.line, text: part.text, ...id })
      const words = sourceWords(item.source)
      if (lines.sourceLine !== null && words !== null) nodes.push({ kind: 'source', line: lines.sourceLine, text: words, ...id })
    })
  })
  // Document order; parts on one line keep the order above (a title before the source on its line).
  return nodes.sort((a, b) => a.line - b.line)
}
