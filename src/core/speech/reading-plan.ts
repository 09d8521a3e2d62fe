/**
 * What 听全文 reads, in order, as pure data: an article is its title, its text (sub-headings, list
 * items and table rows as sentences, pictures by their captions) and its source last; an issue is its
 * sections, each announced, with their articles and briefs in order.
 */
import { blocksOf, type Article, type Brief, type Source, type StoredIssue, type WithId } from '../bulletin'
import { cutText, MAX_PIECE } from './cut-text'

/** One piece for the engine, and where it stands in the article's text (for the mark on screen). */
export interface Utterance {
  text: string
  /** Index into the article's `paragraphs` (-1: the title); null: not shown as text (an announcement, the source). */
  paragraph: number | null
  /** [start, end) of the piece in that paragraph, UTF-16 offsets. */
  start: number
  end: number
}

/** One thing "next" and "previous" step over: an article or a brief. */
export interface PlanItem {
  kind: 'article' | 'brief'
  /** The article's or brief's id, when stored. */
  id: number | null
  /** The section it is in (issues only), without its brackets. */
  section: string | null
  title: string
  utterances: Utterance[]
}

export interface ReadingPlan {
  /** What is read, for the player and as the audio's title: 工会信息〔2020〕第二十期 or an article's title. */
  title: string
  /** Where the player came from, so a page can tell whether it is the one being read. */
  origin: { kind: 'article' | 'issue'; id: number }
  items: PlanItem[]
}

const plainName = (name: string) => name.replace(/^[〔【[]\s*|\s*[〕】\]]$/g, '').trim()

/** （增城区总工会 涂冬妮） read aloud. */
export function sourceWords(source: Source | null): string | null {
  if (!source) return null
  const who = [source.organization, source.role, source.author].filter(Boolean).join(' ')
  return who ? `来源：${who}。` : null
}

/** The pieces of one shown text, with their offsets; whitespace-only pieces are dropped. */
function spoken(text: string, paragraph: number | null, max: number): Utterance[] {
  const out: Utterance[] = []
  let offset = 0
  for (const piece of cutText(text, max)) {
    const start = offset
    offset += piece.length
    if (piece.trim()) out.push({ text: piece.trim(), paragraph, start, end: offset })
  }
  return out
}

/** A spoken line that is not on screen as such (an announcement, a table row read with commas, the source). */
const said = (text: string, paragraph: number | null = null, max = MAX_PIECE): Utterance[] =>
  cutText(text, max)
    .filter((p) => p.trim())
    .map((p) => ({ text: p.trim(), paragraph, start: 0, end: 0 }))

/** An article's utterances: title, blocks in order, source last. */
export function articleUtterances(article: Article, max = MAX_PIECE): Utterance[] {
  const out: Utterance[] = [...spoken(article.title, -1, max)]
  let paragraph = 0
  for (const block of blocksOf(article)) {
    if (block.kind === 'table') {
      for (const row of block.rows) out.push(...said(row.filter((c) => c.trim()).join('，') + '。', paragraph++, max))
    } else if (block.kind === 'image') {
      if (block.caption !== null) {
        if (block.caption.trim()) out.push(...said(`图片：${block.caption}`, paragraph, max))
        paragraph++
      }
    } else {
      // A list item's paragraph is printed with its number: "1. 文字" / "（一）文字".
      const shown = article.paragraphs[paragraph] ?? (block.kind === 'list-item' ? `${block.marker}${block.text}` : block.text)
      out.push(...spoken(shown, paragraph++, max))
    }
  }
  const source = sourceWords(article.source)
  if (source) out.push(...said(source, null, max))
  return out
}

export function articlePlan(article: WithId<Article>, max = MAX_PIECE): ReadingPlan {
  return {
    title: article.title,
    origin: { kind: 'article', id: article.id },
    items: [{ kind: 'article', id: article.id, section: null, title: article.title, utterances: articleUtterances(article, max) }],
  }
}

function briefUtterances(brief: Brief, max: number): Utterance[] {
  const source = sourceWords(brief.source)
  return [...said(brief.text, null, max), ...(source ? said(source, null, max) : [])]
}

/** A whole issue: "本期工会信息〔2020〕第二十期", then each section announced before its first item. */
export function issuePlan(issue: StoredIssue, max = MAX_PIECE): ReadingPlan {
  const title = `${issue.masthead}${issue.label}`
  const items: PlanItem[] = []
  issue.sections.forEach((section, s) => {
    const name = plainName(section.name)
    section.items.forEach((item, i) => {
      const utterances = item.kind === 'article' ? articleUtterances(item, max) : briefUtterances(item, max)
      const announce = i === 0 ? said(`${s === 0 ? `${title}。` : ''}栏目：${name}。`) : []
      items.push({
        kind: item.kind,
        id: item.id,
        section: name,
        title: item.kind === 'article' ? item.title : item.text.slice(0, 24),
        utterances: [...announce, ...utterances],
      })
    })
  })
  return { title, origin: { kind: 'issue', id: issue.id }, items }
}
