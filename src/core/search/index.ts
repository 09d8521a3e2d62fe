/**
 * An in-memory search index over SearchDocuments. Candidates come from a character unigram/bigram
 * inverted index; every candidate is then verified by exact substring search on the normalised text,
 * so the guarantee is simple: an item is found iff every query term is a substring of one of its
 * normalised fields. Fields are joined with '\n', which no normalised term can contain, so a match
 * never spans two fields.
 */
import type { SearchHit } from '../api'
import { normalise, queryTerms } from './normalise'
import { searchableFields, type SearchDocument } from './document'
import { buildHit } from './hit'
import { rankMatches, type Match } from './rank'

export * from './normalise'
export * from './document'

export interface SearchQuery {
  q: string
  offset: number
  limit: number
  year?: number
  section?: string
}

export interface SearchPage {
  total: number
  hits: SearchHit[]
}

export interface SearchIndex {
  readonly size: number
  search(query: SearchQuery): SearchPage
}

const SEPARATOR = '\n'

/** Section names are compared without their brackets: 〔信息短波〕, [信息短波] and 信息短波 are one. */
export function sectionKey(name: string): string {
  return normalise(name).replace(/[〔〕\[\]【】()（）]/gu, '')
}

export function createSearchIndex(documents: SearchDocument[]): SearchIndex {
  const joined = documents.map((doc) => searchableFields(doc).map(normalise).join(SEPARATOR))
  const titles = documents.map((doc) => (doc.hasTitle ? normalise(doc.title) : ''))
  const sectionKeys = documents.map((doc) => sectionKey(doc.section))
  const postings = buildPostings(joined)

  function candidatesFor(term: string): Int32Array {
    if (term.length === 1) return postings.get(term) ?? EMPTY
    let best: Int32Array | undefined
    const lists: Int32Array[] = []
    for (let i = 0; i + 1 < term.length; i++) {
      const list = postings.get(term.slice(i, i + 2)) ?? EMPTY
      lists.push(list)
      if (!best || list.length < best.length) best = list
    }
    return intersect(best!, lists)
  }

  return {
    size: documents.length,
    search({ q, offset, limit, year, section }) {
      const terms = queryTerms(q)
      if (terms.length === 0) return { total: 0, hits: [] }
      const wantedSection = section === undefined ? undefined : sectionKey(section)
      const lists = terms.map(candidatesFor)
      const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a))
      const matches: Match[] = []
      for (const index of intersect(shortest, lists)) {
        const doc = documents[index]
        if (year !== undefined && doc.year !== year) continue
        if (wantedSection !== undefined && sectionKeys[index] !== wantedSection) continue
        if (!terms.every((term) => joined[index].includes(term))) continue
        matches.push({ index, doc, text: joined[index], title: titles[index] })
      }
      const ranked = rankMatches(matches, terms)
      return { total: ranked.length, hits: ranked.slice(offset, offset + limit).map((m) => buildHit(m.doc, terms)) }
    },
  }
}

const EMPTY = new Int32Array(0)

function buildPostings(texts: string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>()
  texts.forEach((text, docIndex) => {
    const seen = new Set<string>()
    for (let i = 0; i < text.length; i++) {
      const unigram = text[i]
      if (unigram === SEPARATOR) continue
      seen.add(unigram)
      const next = text[i + 1]
      if (next !== undefined && next !== SEPARATOR) seen.add(unigram + next)
    }
    for (const gram of seen) {
      let list = lists.get(gram)
      if (!list) lists.set(gram, (list = []))
      list.push(docIndex)
    }
  })
  const frozen = new Map<string, Int32Array>()
  for (const [gram, list] of lists) frozen.set(gram, Int32Array.from(list))
  return frozen
}

/** Members of `base` present in every list (all sorted ascending). */
function intersect(base: Int32Array, lists: Int32Array[]): Int32Array {
  let result = base
  for (const list of lists) {
    if (list === result) continue
    const kept: number[] = []
    for (const value of result) if (binarySearch(list, value)) kept.push(value)
    result = Int32Array.from(kept)
  }
  return result
}

function binarySearch(list: Int32Array, value: number): boolean {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] === value) return true
    if (list[mid] < value) lo = mid + 1
    else hi = mid - 1
  }
  return false
}
