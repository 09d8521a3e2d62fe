/**
 * Search over every published item. The index (src/core/search) is built in memory from the database
 * and rebuilt when the published version changes, so all processes sharing a database agree, and the
 * results are the same on SQLite and PostgreSQL: the database only supplies the documents.
 * Answers are also kept as ready bytes per version (popular queries cost a map lookup), in the
 * public reads' bounded cache: least recently used out, concurrent asks for one answer share it.
 */
import { cachedJson, type CachedJson } from '../http/cached-json'
import { createSearchIndexAsync, queryTerms, sectionKey, type SearchIndex } from '../../core/search'
import type { SearchResults } from '../../core/api'
import type { Storage } from '../storage/storage'
import type { PublishedVersion } from './published-version'
import { createVersionedCache } from './public-reads'

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
  /** The query's terms after normalisation; empty means nothing to search for. */
  terms(q: string): string[]
}

const MAX_ANSWERS = 500

export function createSearchService(storage: Storage, version: PublishedVersion, opts: { resultCacheSize?: number } = {}): SearchService {
  let built: { version: number; index: SearchIndex } | null = null
  let building: { version: number; promise: Promise<SearchIndex> } | null = null
  const cacheable = (opts.resultCacheSize ?? 100) > 0
  // Ready answers per normalised query and page, for the current version, least recently used out.
  const answers = createVersionedCache(version, { maxEntries: MAX_ANSWERS, maxBytes: 16 * 1024 * 1024 })

  async function indexFor(current: number): Promise<SearchIndex> {
    if (built?.version === current) return built.index
    if (building?.version !== current) {
      // The index of another version answers nothing from now on: let it go before the new one is
      // built, so a process holds one index, not two (at 5,000 issues each is a few hundred megabytes).
      built = null
      // Built in steps, so other requests are served while a large archive is indexed.
      const promise = storage.publishedSearchDocuments().then(async (docs) => {
        const index = await createSearchIndexAsync(docs, { resultCacheSize: opts.resultCacheSize })
        if (!built || built.version < current) built = { version: current, index }
        return index
      })
      building = { version: current, promise }
      promise
        .finally(() => {
          if (building?.promise === promise) building = null
        })
        .catch(() => undefined)
    }
    return building!.promise
  }

  return {
    async searchJson(request, nextCursor) {
      const key = [queryTerms(request.q).join('\u0001'), request.year ?? '', request.section === undefined ? '' : sectionKey(request.section), request.offset, request.limit].join(
        '|',
      )
      const answer = async () => {
        const { total, hits } = (await indexFor(await version.current())).search(request)
        const next = request.offset + hits.length
        const body: SearchResults = { items: hits, total, nextCursor: next < total ? nextCursor(next) : null }
        return JSON.stringify(body)
      }
      if (!cacheable) return cachedJson(await answer())
      return (await answers(key, answer))!
    },
    terms: queryTerms,
  }
}
