/**
 * The search without an index, for the few issues a phone holds (search with no network): the same
 * guarantee as the server's index (./index.ts), an item is found iff every query term is a substring
 * of one of its normalised fields, and the same ranking rules (./rank.ts): more terms in the title
 * first, then more occurrences, then the newer issue, then the lower item id. It reads every field
 * of every document per query, which is nothing for a phone's dozens of issues and keeps the
 * positional index (and its bytes) out of the mini-program.
 */
import type { SearchHit } from '../api'
import { countOccurrences, normalise, queryTerms, sectionKey } from './normalise'
import { searchableFields, type SearchDocument } from './document'
import { buildHit } from './hit'

/** A document with its fields normalised once, for many queries. */
export interface ScannableDocument {
  doc: SearchDocument
  /** Its searchable fields, normalised; an article's title first. */
  fields: string[]
  sectionKey: string
}

export function scannable(documents: SearchDocument[]): ScannableDocument[] {
  return documents.map((doc) => ({ doc, fields: searchableFields(doc).map(normalise), sectionKey: sectionKey(doc.section) }))
}

export interface ScanQuery {
  q: string
  limit: number
  year?: number
  section?: string
}

export function scanSearch(documents: ScannableDocument[], { q, limit, year, section }: ScanQuery): { total: number; hits: SearchHit[] } {
  const terms = queryTerms(q)
  if (terms.length === 0) return { total: 0, hits: [] }
  const wanted = section === undefined ? undefined : sectionKey(section)
  const found: Array<{ entry: ScannableDocument; titleTerms: number; occurrences: number }> = []
  for (const entry of documents) {
    if ((year !== undefined && entry.doc.year !== year) || (wanted !== undefined && entry.sectionKey !== wanted)) continue
    if (!terms.every((term) => entry.fields.some((field) => field.includes(term)))) continue
    const title = entry.doc.hasTitle ? entry.fields[0] : null
    found.push({
      entry,
      titleTerms: title === null ? 0 : terms.filter((term) => title.includes(term)).length,
      occurrences: terms.reduce((sum, term) => sum + entry.fields.reduce((n, field) => n + countOccurrences(field, term), 0), 0),
    })
  }
  found.sort((a, b) => b.titleTerms - a.titleTerms || b.occurrences - a.occurrences || b.entry.doc.date.localeCompare(a.entry.doc.date) || a.entry.doc.itemId - b.entry.doc.itemId)
  return { total: found.length, hits: found.slice(0, limit).map(({ entry }) => buildHit(entry.doc, terms)) }
}
