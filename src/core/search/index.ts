/**
 * An in-memory search index over SearchDocuments, on a positional index of character unigrams and
 * bigrams (./postings): a term of any length is found exactly from the positions, so the guarantee
 * is simple: an item is found iff every query term is a substring of one of its normalised fields.
 * Fields are joined with '\n', which no normalised term can contain, so a match never spans two
 * fields. No query reads the documents' text, except to cut the snippets of the page it answers.
 */
import type { SearchFilters, SearchHit } from '../api'
import { normaliseAligned, queryTerms, sectionKey } from './normalise'
import { searchableFields, type SearchDocument } from './document'
import { ALIGNED_FIELDS, buildHit } from './hit'
import { rankDocs, tieBreakOrder } from './rank'
import { DOCS_PER_STEP, lowerBound, matchesByDocument, postingSteps, runToEnd, SEPARATOR, termPositions } from './postings'

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
  /** Every year and section the documents have: what a search can be narrowed to. */
  filters(): SearchFilters
}

export interface SearchIndexOptions {
  /** How many queries' ranked results to remember (the index is immutable, so they never go stale). */
  resultCacheSize?: number
}

interface Ranked {
  total: number
  /** Document indices, best first: all of them, or at least the first page asked for. */
  ranked: number[]
}

/** Queries remembered in the result cache are ranked at least this deep, so next pages reuse them. */
const CACHED_DEPTH = 100

export function createSearchIndex(documents: SearchDocument[], options: SearchIndexOptions = {}): SearchIndex {
  return runToEnd(indexSteps(documents, options))
}

/**
 * The same index, built in steps with a pause (a timer turn) between them, so a server stays
 * responsive while it indexes a large archive after a publish.
 */
export async function createSearchIndexAsync(documents: SearchDocument[], options: SearchIndexOptions = {}): Promise<SearchIndex> {
  const steps = indexSteps(documents, options)
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/** Bit i set when searchable field i is aligned with its normalised form (for the first ALIGNED_FIELDS). */
function alignedMask(fields: Array<{ aligned: boolean }>): number {
  let mask = 0
  for (let i = 0; i < Math.min(fields.length, ALIGNED_FIELDS); i++) if (fields[i].aligned) mask |= 1 << i
  return mask
}

function* indexSteps(given: SearchDocument[], { resultCacheSize = 100 }: SearchIndexOptions): Generator<void, SearchIndex> {
  const cache = new Map<string, Ranked>()
  // Documents are numbered in tie-break order (newer issue, then lower item id), so that among
  // matches equal in title terms and occurrences the lower document index ranks first (./rank).
  const order = tieBreakOrder(
    given.map((doc) => doc.date),
    given.map((doc) => doc.itemId),
  )
  const documents = Array.from(order, (d) => given[d])
  yield
  const joined: string[] = []
  const titleLengths = new Int32Array(documents.length)
  const alignedFields = new Int32Array(documents.length)
  for (const doc of documents) {
    const d = joined.length
    const fields = searchableFields(doc).map(normaliseAligned)
    if (doc.hasTitle) titleLengths[d] = fields[0].text.length
    alignedFields[d] = alignedMask(fields)
    joined.push(fields.map((field) => field.text).join(SEPARATOR))
    if (joined.length % DOCS_PER_STEP === 0) yield
  }
  // A few section names among thousands of items: each normalised once.
  const keyOfSection = new Map<string, string>()
  const sectionKeys = documents.map((doc) => keyOfSection.get(doc.section) ?? keyOfSection.set(doc.section, sectionKey(doc.section)).get(doc.section)!)
  yield
  const postings = yield* postingSteps(joined)
  const { docStarts } = postings
  // An article's title is its first field: an occurrence before this position is in the title.
  const titleEnds = docStarts.map((start, d) => (d < documents.length ? start + titleLengths[d] : start))

  /** Every document holding all the terms, best first. */
  function rank(terms: string[], need: number, year?: number, section?: string): Ranked {
    const perTerm = terms.map((term) => matchesByDocument(termPositions(postings, term), postings.blockDocs, titleEnds)).sort((a, b) => a.docs.length - b.docs.length)
    // Intersect, rarest term first, summing occurrences and title terms on the way (in place: the
    // first term's arrays are its own).
    const { docs, counts: occurrences, inTitle: titleTerms } = perTerm[0]
    let size = docs.length
    for (let t = 1; t < perTerm.length && size > 0; t++) {
      const other = perTerm[t]
      let kept = 0
      let j = 0
      for (let i = 0; i < size; i++) {
        j = lowerBound(other.docs, docs[i], j)
        if (j === other.docs.length) break
        if (other.docs[j] !== docs[i]) continue
        docs[kept] = docs[i]
        occurrences[kept] = occurrences[i] + other.counts[j]
        titleTerms[kept++] = titleTerms[i] + other.inTitle[j]
      }
      size = kept
    }
    if (year !== undefined || section !== undefined) {
      const wanted = section === undefined ? undefined : sectionKey(section)
      let kept = 0
      for (let i = 0; i < size; i++) {
        const d = docs[i]
        if ((year !== undefined && documents[d].year !== year) || (wanted !== undefined && sectionKeys[d] !== wanted)) continue
        docs[kept] = d
        occurrences[kept] = occurrences[i]
        titleTerms[kept++] = titleTerms[i]
      }
      size = kept
    }
    const matches = { docs: docs.subarray(0, size), titleTerms: titleTerms.subarray(0, size), occurrences: occurrences.subarray(0, size) }
    return { total: size, ranked: rankDocs(matches, need) }
  }

  function page({ total, ranked }: Ranked, terms: string[], offset: number, limit: number): SearchPage {
    return { total, hits: ranked.slice(offset, offset + limit).map((d) => buildHit(documents[d], terms, { joined: joined[d], aligned: alignedFields[d] })) }
  }

  // Documents are newest first: the first name seen of each section is the newest issue's spelling.
  const sectionNames = new Map<string, string>()
  documents.forEach((doc, d) => sectionNames.has(sectionKeys[d]) || sectionNames.set(sectionKeys[d], doc.section))
  const filters: SearchFilters = { years: [...new Set(documents.map((doc) => doc.year))].sort((a, b) => b - a), sections: [...sectionNames.values()] }

  return {
    size: documents.length,
    filters: () => filters,
    search({ q, offset, limit, year, section }) {
      const terms = queryTerms(q)
      if (terms.length === 0) return { total: 0, hits: [] }
      const key = `${terms.join('\u0001')}|${year ?? ''}|${section === undefined ? '' : sectionKey(section)}`
      const need = offset + limit
      let result = cache.get(key)
      if (result) cache.delete(key) // most recently used goes last
      if (result && result.ranked.length < Math.min(need, result.total)) result = rank(terms, Infinity, year, section)
      if (!result) {
        if (resultCacheSize <= 0) return page(rank(terms, need, year, section), terms, offset, limit)
        result = rank(terms, Math.max(need, CACHED_DEPTH), year, section)
        if (cache.size >= resultCacheSize) cache.delete(cache.keys().next().value!)
      }
      cache.set(key, result)
      return page(result, terms, offset, limit)
    },
  }
}
