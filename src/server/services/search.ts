/**
 * Search over every published item. The index (src/core/search) is built in memory, in a thread of
 * its own (./search-index-thread.ts), from the database, and rebuilt when the published version
 * changes, so all processes sharing a database agree, and the results are the same on SQLite and
 * PostgreSQL: the database only supplies the documents.
 * Answers are also kept as ready bytes per version (popular queries cost a map lookup), in the
 * public reads' bounded cache: least recently used out, concurrent asks for one answer share it.
 */
import { cachedJson, type CachedJson } from '../http/cached-json'
import { queryTerms, sectionKey } from '../../core/search'
import type { Storage } from '../storage/storage'
import type { PublishedVersion } from './published-version'
import { createVersionedCache } from './public-reads'
import { openSearchIndexThread } from './search-index-thread'

export interface SearchRequest {
  q: string
  offset: number
  limit: number
  year?: number
  section?: string
}

export interface SearchService {
  /** The SearchResults body as ready JSON; `nextCursor(offset)` encodes the cursor of the next page. */
  searchJson(request: SearchRequest, nextCursor: (offset: number) => string | null): Promise<CachedJson>
  /** The SearchFilters body (every year and section of the published archive) as ready JSON. */
  filtersJson(): Promise<CachedJson>
  /** The query's terms after normalisation; empty means nothing to search for. */
  terms(q: string): string[]
  /** Stops the search thread. */
  close(): Promise<void>
}

const MAX_ANSWERS = 500

export function createSearchService(storage: Storage, version: PublishedVersion, opts: { resultCacheSize?: number } = {}): SearchService {
  // The index lives in a thread of its own: building it for a large archive after a publish, and
  // ranking thousands of matches, never hold up the reads this process serves meanwhile.
  const thread = openSearchIndexThread({ resultCacheSize: opts.resultCacheSize })
  const cacheable = (opts.resultCacheSize ?? 100) > 0
  // Ready answers per normalised query and page, for the current version, least recently used out.
  const answers = createVersionedCache(version, { maxEntries: MAX_ANSWERS, maxBytes: 16 * 1024 * 1024 })

  /**
   * `ask` of the index of the current version; asked again if a publish moved the version meanwhile
   * (`ask` answers null, or the build it waited on was superseded by a newer version's).
   */
  async function atCurrentVersion<T>(what: string, ask: (current: number) => Promise<T | null>): Promise<T> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const current = await version.current()
      try {
        await thread.ensure(current, () => storage.publishedSearchDocuments())
        const answer = await ask(current)
        if (answer !== null) return answer
      } catch (error) {
        // Superseded by a newer version's index: ask that one; anything else is a real failure.
        if (attempt === 3 || (await version.current()) === current) throw error
      }
    }
    throw new Error(`the search index kept changing under the ${what}`)
  }

  return {
    async searchJson(request, nextCursor) {
      const key = [queryTerms(request.q).join('\u0001'), request.year ?? '', request.section === undefined ? '' : sectionKey(request.section), request.offset, request.limit].join(
        '|',
      )
      const answer = async () => {
        const { total, count, hitsJson } = await atCurrentVersion('query', (current) => thread.search(current, request))
        const next = request.offset + count
        // The SearchResults body, its hits serialised in the thread.
        return `{"items":${hitsJson},"total":${total},"nextCursor":${JSON.stringify(next < total ? nextCursor(next) : null)}}`
      }
      if (!cacheable) return cachedJson(await answer())
      return (await answers(key, answer))!
    },
    async filtersJson() {
      const answer = async () => JSON.stringify(await atCurrentVersion('filters', async (current) => thread.filters(current)))
      return (await answers('filters', answer))!
    },
    terms: queryTerms,
    close: () => thread.close(),
  }
}
