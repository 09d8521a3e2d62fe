/**
 * An in-memory search index over SearchDocuments. Candidates come from a character unigram/bigram
 * inverted index (./postings); terms longer than two characters are verified by exact substring
 * search on the normalised text, so the guarantee is simple: an item is found iff every query term
 * is a substring of one of its normalised fields. Fields are joined with '\n', which no normalised
 * term can contain, so a match never spans two fields.
 */
import type { SearchHit } from '../api'
import { countOccurrences, normalise, queryTerms } from './normalise'
import { searchableFields, type SearchDocument } from './document'
import { buildHit } from './hit'
import { rankDocs, rankTables } from './rank'
import { buildPostings, countsFor, DOCS_PER_STEP, EMPTY_POSTING, intersect, postingSteps, runToEnd, SEPARATOR, type Posting } from './postings'

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

/** Section names are compared without their brackets: 〔信息短波〕, [信息短波] and 信息短波 are one. */
export function sectionKey(name: string): string {
  return normalise(name).replace(/[〔〕[\]【】()（）]/gu, '')
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

function* indexSteps(documents: SearchDocument[], { resultCacheSize = 100 }: SearchIndexOptions): Generator<void, SearchIndex> {
  const cache = new Map<string, Ranked>()
  const joined: string[] = []
  for (const doc of documents) {
    joined.push(searchableFields(doc).map(normalise).join(SEPARATOR))
    if (joined.length % DOCS_PER_STEP === 0) yield
  }
  const titles = documents.map((doc) => (doc.hasTitle ? normalise(doc.title) : ''))
  const sectionKeys = documents.map((doc) => sectionKey(doc.section))
  const tables = rankTables(
    documents.map((doc) => doc.date),
    documents.map((doc) => doc.itemId),
  )
  yield
  const postings = yield* postingSteps(joined)
  const titlePostings = buildPostings(titles)
  const posting = (gram: string) => postings.get(gram) ?? EMPTY_POSTING

  /** Exact postings for 1–2 characters; for longer terms the documents holding all its bigrams. */
  function candidatesFor(term: string): { docs: Int32Array; exact: Posting | null } {
    if (term.length <= 2) {
      const exact = posting(term)
      return { docs: exact.docs, exact }
    }
    const lists: Int32Array[] = []
    for (let i = 0; i + 1 < term.length; i++) lists.push(posting(term.slice(i, i + 2)).docs)
    lists.sort((a, b) => a.length - b.length)
    return { docs: intersect(lists[0], lists), exact: null }
  }

  function filtered(docs: Int32Array, year?: number, section?: string): Int32Array {
    if (year === undefined && section === undefined) return docs
    const wanted = section === undefined ? undefined : sectionKey(section)
    return docs.filter((i) => (year === undefined || documents[i].year === year) && (wanted === undefined || sectionKeys[i] === wanted))
  }

  /** Every document holding all the terms, best first. */
  function rank(terms: string[], need: number, year?: number, section?: string): Ranked {
    const perTerm = terms.map(candidatesFor)
    const shortest = perTerm.reduce((a, b) => (b.docs.length < a.docs.length ? b : a)).docs
    const docs = filtered(
      intersect(
        shortest,
        perTerm.map((c) => c.docs),
      ),
      year,
      section,
    )
    const counts = new Int32Array(docs.length)
    const alive = new Uint8Array(docs.length).fill(1)
    terms.forEach((term, t) => {
      const exact = perTerm[t].exact
      if (exact) {
        const c = countsFor(exact, docs)
        for (let i = 0; i < docs.length; i++) counts[i] += c[i]
        return
      }
      for (let i = 0; i < docs.length; i++) {
        if (!alive[i]) continue
        const found = countOccurrences(joined[docs[i]], term)
        if (found === 0) alive[i] = 0
        else counts[i] += found
      }
    })
    const kept: number[] = []
    const occurrenceCounts: number[] = []
    for (let i = 0; i < docs.length; i++) {
      if (!alive[i]) continue
      kept.push(docs[i])
      occurrenceCounts.push(counts[i])
    }
    // Title hits: exact from the title postings for short terms, by substring search otherwise.
    const titleTerms: number[] = new Array(kept.length).fill(0)
    const keptDocs = Int32Array.from(kept)
    for (const term of terms) {
      if (term.length <= 2) {
        const inTitle = countsFor(titlePostings.get(term) ?? EMPTY_POSTING, keptDocs)
        for (let i = 0; i < kept.length; i++) if (inTitle[i] > 0) titleTerms[i]++
      } else {
        for (let i = 0; i < kept.length; i++) if (titles[kept[i]].includes(term)) titleTerms[i]++
      }
    }
    return { total: kept.length, ranked: rankDocs({ docs: kept, titleTerms, occurrences: occurrenceCounts }, tables, need) }
  }

  function page({ total, ranked }: Ranked, terms: string[], offset: number, limit: number): SearchPage {
    return { total, hits: ranked.slice(offset, offset + limit).map((d) => buildHit(documents[d], terms, joined[d])) }
  }

  return {
    size: documents.length,
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
