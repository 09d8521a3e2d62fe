/**
 * Ranking rules, in order: items whose title contains more of the query's terms first; then more
 * occurrences of the terms anywhere in the item (relevance); then the newer issue; then the item id
 * (reading order), so the order is total and pages never overlap.
 */
import type { SearchDocument } from './document'
import { occurrences } from './normalise'

export interface Match {
  index: number
  doc: SearchDocument
  /** The item's normalised fields joined with '\n'. */
  text: string
  /** The normalised title ('' for briefs). */
  title: string
}

export interface RankKey {
  titleTerms: number
  occurrences: number
  date: string
  itemId: number
}

export function rankKey(match: Match, terms: string[]): RankKey {
  let titleTerms = 0
  let count = 0
  for (const term of terms) {
    if (match.title && match.title.includes(term)) titleTerms++
    count += occurrences(match.text, term).length
  }
  return { titleTerms, occurrences: count, date: match.doc.date, itemId: match.doc.itemId }
}

/** Negative when `a` ranks before `b`. */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  return (
    b.titleTerms - a.titleTerms ||
    b.occurrences - a.occurrences ||
    (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
    a.itemId - b.itemId
  )
}

export function rankMatches(matches: Match[], terms: string[]): Match[] {
  const keyed = matches.map((match) => ({ match, key: rankKey(match, terms) }))
  keyed.sort((a, b) => compareRankKeys(a.key, b.key))
  return keyed.map((k) => k.match)
}
