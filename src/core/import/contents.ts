/**
 * The 本期导读 list: section headings with numbered titles, numbered across sections; a section may
 * list no titles (〔信息短波〕). It ends where the body starts: at a heading it has already listed,
 * at the first heading after an unsectioned list, or at the first line that is not an entry.
 */
import type { ImportWarning } from '../bulletin'
import { compareKey } from '../text/compare-key'
import * as rules from './rules'
import type { Token } from './tokenize'
import { warnings } from './warnings'

export interface ContentsEntry {
  number: number
  title: string
  line: number
  section: string | null
}

export interface Contents {
  entries: ContentsEntry[]
  sections: Array<{ name: string; line: number }>
  /** Index of the first token of the body. */
  end: number
  warnings: ImportWarning[]
}

/** `start` is the index of the 本期导读 token. */
export function readContents(tokens: Token[], start: number): Contents {
  const entries: ContentsEntry[] = []
  const sections: Array<{ name: string; line: number; index: number; entryCount: number }> = []
  const found: ImportWarning[] = []
  const seenKeys = new Set<string>()
  let i = start + 1
  for (; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind === 'blank' || t.kind === 'rule') continue
    if (t.kind === 'heading') {
      if (rules.contentsTitle.test(t.name)) continue
      if (sections.some((s) => s.name === t.name)) break // the body repeats the first section
      if (entries.length > 0 && sections.length === 0) break // a plain list, then the body's first section
      sections.push({ name: t.name, line: t.line, index: i, entryCount: 0 })
      continue
    }
    if (t.kind !== 'entry') break
    const key = compareKey(t.title)
    if (seenKeys.has(key)) found.push(warnings.duplicateContentsTitle(t.line, t.title))
    seenKeys.add(key)
    const section = sections[sections.length - 1]
    if (section) section.entryCount++
    entries.push({ number: t.number, title: t.title, line: t.line, section: section?.name ?? null })
  }
  // A heading just before prose, listing nothing, is the body's first section heading (its name was
  // not in the contents).
  const stoppedAtProse = i < tokens.length && tokens[i].kind !== 'heading'
  const last = sections[sections.length - 1]
  if (stoppedAtProse && last && last.entryCount === 0) {
    sections.pop()
    i = last.index
  }
  return { entries, sections: sections.map(({ name, line }) => ({ name, line })), end: i, warnings: found }
}
