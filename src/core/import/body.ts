/**
 * The body: section headings, articles (bold title, or a plain title found from the contents),
 * briefs (△), and what articles hold (paragraphs, sub-headings, lists, tables, pictures), joining
 * the halves of a paragraph or title that a page break cut in two.
 */
import type { ImportWarning, Section } from '../bulletin'
import { compareKey, matchPrefixIgnoringSpace } from '../text/compare-key'
import { endsClosed, endsSentence } from '../text/punctuation'
import type { ContentsEntry } from './contents'
import { captionOf, looksLikeSubheading, looksLikeTitle, numberedShape } from './inside-article'
import { finishItem, type ItemDraft } from './items'
import { isJoinable, lastLineOf, paragraphOf, stripEmphasis, textOf, type DraftShape } from './paragraph'
import { outlineOf, type SectionOutline } from './outline'
import { splitSource } from './sources'
import type { Token } from './tokenize'
import { warnings } from './warnings'

export interface Body {
  sections: Section[]
  /** Contents entries no article claimed. */
  unclaimed: ContentsEntry[]
  warnings: ImportWarning[]
  /** The line of every section and item part, in the same order as `sections` (see outline.ts). */
  outline: SectionOutline[]
}

interface SectionDraft {
  name: string
  line: number
  items: ItemDraft[]
}

const isBoldLine = (t: Token | undefined): t is Token & { kind: 'bold' } => t?.kind === 'bold' && t.rest === ''

/**
 * For each token, the index of the next one that is not blank (tokens.length when none): worked out
 * once, from the end, so looking ahead costs nothing per line even in a very long document.
 */
function nextNonBlankIndices(tokens: Token[]): Int32Array {
  const following = new Int32Array(tokens.length)
  let next = tokens.length
  for (let i = tokens.length - 1; i >= 0; i--) {
    following[i] = next
    if (tokens[i].kind !== 'blank') next = i
  }
  return following
}

export function readBody(tokens: Token[], entries: ContentsEntry[]): Body {
  const out: ImportWarning[] = []
  const unclaimed = [...entries]
  const sections: SectionDraft[] = []
  let item: ItemDraft | null = null
  // After a --- rule (or a table, picture, sub-heading) the next line never continues a cut paragraph;
  // after a hard break it always does.
  let boundary = false
  let continuesHardBreak = false

  const find = (title: string) => unclaimed.findIndex((e) => compareKey(e.title) === compareKey(title))
  const claim = (title: string): ContentsEntry | null => {
    const i = find(title)
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
  /** Adds a block that no page break can have cut (a sub-heading, table, picture) to the article. */
  const addWhole = (shape: DraftShape, text: string, line: number) => {
    if (!item) {
      out.push(warnings.textOutsideArticle(line))
      start('article', '', line, '')
    }
    ;(item as ItemDraft).paragraphs.push(paragraphOf(text, line, shape))
  }

  /** A line an editor marked as a source or a paragraph: a paragraph of its own, never joined or guessed at. */
  const addMarked = (text: string, t: Token) => {
    const shape: DraftShape | undefined = t.hints?.mark === 'source' ? { kind: 'source' } : t.hints?.align ? { kind: 'paragraph', align: t.hints.align } : undefined
    const current = item as ItemDraft | null
    if (current) current.paragraphs.push(paragraphOf(text, t.line, shape))
    else {
      out.push(warnings.textOutsideArticle(t.line))
      start('article', '', t.line, '')
      ;(item as unknown as ItemDraft).paragraphs.push(paragraphOf(text, t.line, shape))
    }
  }

  /**
   * With no contents to find it from, a plain title is known by where it stands: first under a
   * section heading (or at the top of the body), or after an item its source has closed, with body
   * text on the next line.
   */
  const titleByPosition = (text: string, t: Token, next: Token | undefined): boolean => {
    if (entries.length > 0 || t.kind !== 'text' || continuesHardBreak || !looksLikeTitle(text)) return false
    if (next?.kind !== 'text' || looksLikeTitle(stripEmphasis(next.text))) return false
    const last = (item as ItemDraft | null)?.paragraphs.at(-1)
    return !item || (!!last && (last.shape?.kind === 'source' || (isJoinable(last) && splitSource(textOf(last)).source !== null)))
  }

  const addText = (text: string, t: Token, next: Token | undefined) => {
    const line = t.line
    if (t.hints?.mark === 'source' || t.hints?.mark === 'paragraph') return addMarked(text, t)
    if (titleByPosition(text, t, next)) {
      out.push(warnings.titleByPosition(line, text))
      start('article', text, line, '')
      return
    }
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
    const picture = last?.shape?.kind === 'picture' && last.shape.caption === null && !boundary ? last.shape : null
    const caption = picture ? captionOf(t) : null
    if (picture && caption) {
      if (!caption.certain) out.push(warnings.captionGuessed(line, caption.text))
      picture.caption = caption.text
      last!.pieces = [{ text: caption.text, line }]
      return
    }
    if (last && isJoinable(last) && (continuesHardBreak || (!boundary && !endsClosed(textOf(last))))) {
      if (!continuesHardBreak) out.push(warnings.pageBreakJoined(lastLineOf(last), textOf(last), text))
      last.pieces.push({ text, line })
      return
    }
    const shape: DraftShape | undefined =
      t.kind === 'entry' && current?.kind === 'article' ? numberedShape(t) : t.hints?.align ? { kind: 'paragraph', align: t.hints.align } : undefined
    if (current) {
      // A △ alone on its line (its text on the next) is not a second paragraph; nor is its source.
      if (current.kind === 'brief' && current.paragraphs.length > 0 && splitSource(text).rest !== '') out.push(warnings.textAfterBrief(line))
      current.paragraphs.push(paragraphOf(text, line, shape))
      return
    }
    out.push(warnings.textOutsideArticle(line))
    start('article', '', line, text)
  }

  const following = nextNonBlankIndices(tokens)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind === 'blank' || t.kind === 'rule') {
      boundary = boundary || t.kind === 'rule'
      continuesHardBreak = false
      continue
    }
    let whole = false
    if (t.kind === 'heading') {
      const claimed = t.bracketed ? null : claim(t.name)
      if (claimed) startArticle(t.name, t.line, '', claimed)
      else {
        item = null
        sections.push({ name: t.name, line: t.line, items: [] })
      }
    } else if (t.kind === 'table' || t.kind === 'picture') {
      const shape: DraftShape = t.kind === 'table' ? { kind: 'table', rows: t.rows } : { kind: 'picture', picture: t.picture, caption: t.picture.alt }
      addWhole(shape, t.text, t.line)
      whole = t.kind === 'table'
    } else if (t.kind === 'bold' && t.hints?.mark === 'subheading') {
      addWhole({ kind: 'subheading' }, t.title, t.line)
      whole = true
    } else if (t.kind === 'bold' && (t.hints?.mark === 'title' || !(item && endsSentence(t.title)))) {
      const forced = t.hints?.mark === 'title'
      const inArticle = (item as ItemDraft | null)?.kind === 'article'
      const listed = find(t.title) >= 0
      if (!forced && inArticle && t.rest === '' && !listed && (entries.length > 0 || looksLikeSubheading(t.title))) {
        // Not a new article: the contents lists every article, and this line is not one of them.
        if (entries.length > 0) out.push(warnings.subheadingNotTitle(t.line, t.title))
        addWhole({ kind: 'subheading' }, t.title, t.line)
        whole = true
      } else {
        const nextAt = following[i]
        const next = tokens[nextAt] as Token | undefined
        const joined = !forced && isBoldLine(t) && isBoldLine(next) && !next.hints?.mark ? t.title + next.title : null
        // A title a page break cut in two: its halves are one contents entry, or a page ended between them.
        if (joined && !listed && (find(joined) >= 0 || (entries.length === 0 && next!.hints?.pageBreakBefore))) {
          out.push(warnings.titleJoined(t.line, joined))
          startArticle(joined, t.line, '', claim(joined))
          i = nextAt
        } else startArticle(t.title, t.line, stripEmphasis(t.rest), claim(t.title))
      }
    } else if (t.kind === 'brief' && (t.hints?.mark === 'brief' || !(item && captionOf(t) && (item as ItemDraft).paragraphs.at(-1)?.shape?.kind === 'picture'))) {
      start('brief', '', t.line, stripEmphasis(t.body))
    } else {
      addText(stripEmphasis(t.text), t, tokens[following[i]])
      const last = (item as ItemDraft | null)?.paragraphs.at(-1)
      whole = last?.shape?.kind === 'subheading' || last?.shape?.kind === 'picture' || last?.shape?.kind === 'source'
    }
    boundary = whole
    continuesHardBreak = t.hardBreak
  }

  const outline: SectionOutline[] = []
  const result: Section[] = sections.map((s) => {
    if (s.items.length === 0) out.push(warnings.emptySection(s.line, s.name))
    const items = s.items.map((d) => finishItem(d, out))
    outline.push({ line: s.line, items: items.map((item, i) => outlineOf(s.items[i], item)) })
    return { name: s.name, items }
  })
  return { sections: result, unclaimed, warnings: out, outline }
}
