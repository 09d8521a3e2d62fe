/**
 * The body: section headings, articles (bold title, or a plain title found from the contents),
 * briefs (△), and paragraphs, joining the halves of a paragraph that a page break cut in two.
 */
import type { ImportWarning, Section } from '../bulletin'
import { compareKey, matchPrefixIgnoringSpace } from '../text/compare-key'
import { endsClosed, endsSentence } from '../text/punctuation'
import type { ContentsEntry } from './contents'
import { finishItem, type ItemDraft } from './items'
import { lastLineOf, paragraphOf, stripEmphasis, textOf } from './paragraph'
import type { Token } from './tokenize'
import { warnings } from './warnings'

export interface Body {
  sections: Section[]
  /** Contents entries no article claimed. */
  unclaimed: ContentsEntry[]
  warnings: ImportWarning[]
}

interface SectionDraft {
  name: string
  line: number
  items: ItemDraft[]
}

export function readBody(tokens: Token[], entries: ContentsEntry[]): Body {
  const out: ImportWarning[] = []
  const unclaimed = [...entries]
  const sections: SectionDraft[] = []
  let item: ItemDraft | null = null
  // After a --- rule the next line never continues a cut paragraph; after a hard break it always does.
  let boundary = false
  let continuesHardBreak = false

  const claim = (title: string): ContentsEntry | null => {
    const key = compareKey(title)
    const i = unclaimed.findIndex((e) => compareKey(e.title) === key)
    return i < 0 ? null : unclaimed.splice(i, 1)[0]
  }
  const currentSection = (line: number): SectionDraft => {
    if (sections.length === 0) {
      out.push(warnings.itemsOutsideSection(line))
      sections.push({ name: '', line, items: [] })
    }
    return sections[sections.length - 1]
  }
  const start = (kind: ItemDraft['kind'], title: string, line: number, firstText: string) => {
    item = { kind, title, line, paragraphs: firstText === '' ? [] : [paragraphOf(firstText, line)] }
    currentSection(line).items.push(item)
  }
  const startArticle = (title: string, line: number, firstText: string, claimed: ContentsEntry | null) => {
    if (entries.length > 0 && !claimed) out.push(warnings.articleNotInContents(line, title))
    start('article', title, line, firstText)
  }
  /** The unclaimed contents title this line starts with (the longest, if several), as written here. */
  const plainTitle = (text: string): { entry: ContentsEntry; end: number } | null => {
    let best: { entry: ContentsEntry; end: number } | null = null
    for (const entry of unclaimed) {
      const end = matchPrefixIgnoringSpace(text, entry.title)
      if (end > 0 && (!best || end > best.end)) best = { entry, end }
    }
    return best
  }

  const addText = (text: string, line: number) => {
    const titled = plainTitle(text)
    if (titled) {
      unclaimed.splice(unclaimed.indexOf(titled.entry), 1)
      const title = text.slice(0, titled.end).trim()
      out.push(warnings.untitledArticle(line, title, titled.entry.number))
      startArticle(title, line, text.slice(titled.end).trim(), titled.entry)
      return
    }
    const current = item as ItemDraft | null
    const last = current?.paragraphs[current.paragraphs.length - 1]
    if (last && (continuesHardBreak || (!boundary && !endsClosed(textOf(last))))) {
      if (!continuesHardBreak) out.push(warnings.pageBreakJoined(lastLineOf(last), textOf(last), text))
      last.pieces.push({ text, line })
      return
    }
    if (current) {
      // A △ alone on its line (its text on the next) is not a second paragraph.
      if (current.kind === 'brief' && current.paragraphs.length > 0) out.push(warnings.textAfterBrief(line))
      current.paragraphs.push(paragraphOf(text, line))
      return
    }
    out.push(warnings.textOutsideArticle(line))
    start('article', '', line, text)
  }

  for (const t of tokens) {
    if (t.kind === 'blank' || t.kind === 'rule') {
      boundary = boundary || t.kind === 'rule'
      continuesHardBreak = false
      continue
    }
    if (t.kind === 'heading') {
      const claimed = t.bracketed ? null : claim(t.name)
      if (claimed) startArticle(t.name, t.line, '', claimed)
      else {
        item = null
        sections.push({ name: t.name, line: t.line, items: [] })
      }
    } else if (t.kind === 'bold' && !(item && endsSentence(t.title))) {
      startArticle(t.title, t.line, stripEmphasis(t.rest), claim(t.title))
    } else if (t.kind === 'brief') {
      start('brief', '', t.line, stripEmphasis(t.body))
    } else {
      addText(stripEmphasis(t.text), t.line)
    }
    boundary = false
    continuesHardBreak = t.hardBreak
  }

  const result: Section[] = sections.map((s) => {
    if (s.items.length === 0) out.push(warnings.emptySection(s.line, s.name))
    return { name: s.name, items: s.items.map((d) => finishItem(d, out)) }
  })
  return { sections: result, unclaimed, warnings: out }
}
