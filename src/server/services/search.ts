/**
 * Search over every published item. The index (src/core/search) is built in memory from the database
 * and rebuilt when the published version changes, so all processes sharing a database agree, and the
 * results are the same on SQLite and PostgreSQL: the database only supplies the documents.
 */
import { createSearchIndex, queryTerms, type SearchIndex } from '../../core/search'
import type { SearchHit } from '../../core/api'
import type { Storage } from '../storage/storage'
import type { PublishedVersion } from './published-version'

export interface SearchRequest {
  q: string
  offset: number
  limit: number
  year?: number
  section?: string
}

export interface SearchService {
  search(request: SearchRequest): Promise<{ total: number; hits: SearchHit[] }>
  /** The query's terms after normalisation; empty means nothing to search for. */
  terms(q: string): string[]
}

export function createSearchService(storage: Storage, version: PublishedVersion): SearchService {
  let built: { version: number; index: SearchIndex } | null = null
  let building: { version: number; promise: Promise<SearchIndex> } | null = null

  async function indexFor(current: number): Promise<SearchIndex> {
    if (built?.version === current) return built.index
    if (building?.version !== current) {
      const promise = storage.publishedSearchDocuments().then((docs) => {
        const index = createSearchIndex(docs)
        if (!built || built.version < current) built = { version: current, index }
        return index
      })
      building = { version: current, promise }
      promise.finally(() => {
        if (building?.promise === promise) building = null
      }).catch(() => undefined)
    }
    return building!.promise
  }

  return {
    async search(request) {
      const index = await indexFor(await version.current())
      return index.search(request)
    },
    terms: queryTerms,
  }
}
