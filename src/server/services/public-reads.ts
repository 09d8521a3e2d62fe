/**
 * What the public reads (list pages, issues and articles), as ready bytes (src/server/http/cached-json)
 * made once per published version and kept in a bounded cache (least recently used evicted first;
 * misses are not kept), so a hot read costs a map lookup. Any
 * publish/unpublish/replace/delete anywhere bumps the version (checked through PublishedVersion, so
 * also when another process published) and so empties the cache. Concurrent misses for one key share
 * one database read: the burst after a publish reads each thing once.
 */
import type { IssueList } from '../../core/api'
import type { IssueCursor, Storage } from '../storage/storage'
import { cachedJson, type CachedJson } from '../http/cached-json'
import { toIssueSummary } from '../http/api-shapes'
import type { PublishedVersion } from './published-version'

export interface PublicReadsOptions {
  /** Most answers kept (default 2000). */
  maxEntries?: number
  /** Most body bytes kept (default 48 MB; compressed forms add about half again). */
  maxBytes?: number
}

export interface PublicReads {
  /** A page of the published issue list; `cursorOf` encodes the next page's cursor. */
  list(limit: number, after: IssueCursor | undefined, cursorOf: (next: IssueCursor) => string): Promise<CachedJson>
  issue(id: number): Promise<CachedJson | null>
  article(id: number): Promise<CachedJson | null>
}

/** A bounded map of ready answers for one published version, with shared loads for misses. */
export function createVersionedCache(version: PublishedVersion, opts: PublicReadsOptions = {}) {
  const maxEntries = opts.maxEntries ?? 2000
  const maxBytes = opts.maxBytes ?? 48 * 1024 * 1024
  let cacheVersion = -1
  let bytes = 0
  const cache = new Map<string, CachedJson>()
  const loading = new Map<string, Promise<CachedJson | null>>()

  function remember(key: string, json: CachedJson) {
    while (cache.size > 0 && (cache.size >= maxEntries || bytes + json.bytes.length > maxBytes)) {
      const leastRecent = cache.keys().next().value!
      bytes -= cache.get(leastRecent)!.bytes.length
      cache.delete(leastRecent)
    }
    cache.set(key, json)
    bytes += json.bytes.length
  }

  return async function cached(key: string, load: () => Promise<string | null>): Promise<CachedJson | null> {
    const current = await version.current()
    if (current !== cacheVersion) {
      cache.clear()
      loading.clear()
      bytes = 0
      cacheVersion = current
    }
    const hit = cache.get(key)
    if (hit !== undefined) {
      // Least recently used goes first: a hit moves to the end of the map's order.
      cache.delete(key)
      cache.set(key, hit)
      return hit
    }
    const pending = loading.get(key)
    if (pending) return pending
    const promise = load().then((body) => {
      const json = body === null ? null : cachedJson(body)
      // Only remember what was read under the version we checked (a newer one will have cleared
      // us), and never a miss: asking for ids that do not exist must not push real answers out.
      if (json !== null && cacheVersion === current && loading.get(key) === promise) remember(key, json)
      return json
    })
    loading.set(key, promise)
    void promise.then(
      () => loading.get(key) === promise && loading.delete(key),
      () => loading.get(key) === promise && loading.delete(key),
    )
    return promise
  }
}

export function createPublicReads(storage: Storage, version: PublishedVersion, opts: PublicReadsOptions = {}): PublicReads {
  const cached = createVersionedCache(version, opts)
  const json = (value: object | null) => (value === null ? null : JSON.stringify(value))

  return {
    async list(limit, after, cursorOf) {
      const key = after === undefined ? `list:${limit}` : `list:${limit}:${after.date}:${after.id}`
      const answer = await cached(key, async () => {
        const page = await storage.listPublished(limit, after)
        const body: IssueList = { items: page.items.map(toIssueSummary), nextCursor: page.next ? cursorOf(page.next) : null }
        return JSON.stringify(body)
      })
      return answer!
    },
    issue: (id) => cached(`issue:${id}`, async () => json(await storage.getIssue(id))),
    article: (id) => cached(`article:${id}`, async () => json(await storage.getArticle(id))),
  }
}
