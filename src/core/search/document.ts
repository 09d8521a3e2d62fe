/**
 * What the search sees of one stored item: the fields searched, and what a hit shows. Built from the
 * bulletin's own types so the server's index and any brute-force check agree on what is searchable.
 */
import type { Source, StoredIssue, StoredItem } from '../bulletin'
import { sourceLine } from '../text/source-line'

export interface SearchDocument {
  itemId: number
  kind: 'article' | 'brief'
  issueId: number
  issueLabel: string
  /** ISO date of the issue, YYYY-MM-DD: newer ranks higher among equals. */
  date: string
  year: number
  section: string
  /** The article's title, or the brief's opening words. */
  title: string
  /** Articles have a real title that is searched (and ranks first); a brief's opening words are not. */
  hasTitle: boolean
  /** Searched besides the title: the paragraphs or the brief's text, then the source line. */
  texts: string[]
  source: Source | null
}

const BRIEF_TITLE_LENGTH = 24

/** A brief has no title: show its opening words. */
export function briefTitle(text: string): string {
  const chars = Array.from(text)
  return chars.length <= BRIEF_TITLE_LENGTH ? text : chars.slice(0, BRIEF_TITLE_LENGTH).join('') + '…'
}

/** （增城区总工会 涂冬妮） → '增城区总工会 涂冬妮': how a source is searched and shown. */
export { sourceLine }

/** Every searchable field of an item, title first for articles. */
export function searchableFields(doc: SearchDocument): string[] {
  return doc.hasTitle ? [doc.title, ...doc.texts] : doc.texts
}

export function itemToSearchDocument(issue: Pick<StoredIssue, 'id' | 'label' | 'date' | 'year'>, section: string, item: StoredItem): SearchDocument {
  const source = sourceLine(item.source)
  const texts = item.kind === 'article' ? [...item.paragraphs] : [item.text]
  if (source) texts.push(source)
  return {
    itemId: item.id,
    kind: item.kind,
    issueId: issue.id,
    issueLabel: issue.label,
    date: issue.date,
    year: issue.year,
    section,
    title: item.kind === 'article' ? item.title : briefTitle(item.text),
    hasTitle: item.kind === 'article',
    texts,
    source: item.source,
  }
}

/** All items of an issue as search documents, in reading order. */
export function issueToSearchDocuments(issue: StoredIssue): SearchDocument[] {
  return issue.sections.flatMap((section) => section.items.map((item) => itemToSearchDocument(issue, section.name, item)))
}
