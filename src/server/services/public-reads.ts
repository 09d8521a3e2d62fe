/**
 * What the public reads (list pages, issues and articles, and the reader's HTML pages made of them), as ready bytes (src/server/http/cached-json)
 * made once per published version and kept in a bounded cache (least recently used evicted first;
 * misses are not kept), so a hot read costs a map lookup. Any
 * publish/unpublish/replace/delete anywhere bumps the version (checked through PublishedVersion, so
 * also when another process published) and so empties the cache. Concurrent misses for one key share
 * one database read: the burst after a publish reads each thing once.
 */
import type { IssueList } from '../../core/api'
import type { ArticleInIssue, StoredIssue } from '../../core/bulletin'
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
  /** The published issue itself, for what is drawn from it (share cards): no query when kept. */
  issueObject(id: number): Promise<StoredIssue | null>
  articleObject(id: number): Promise<ArticleInIssue | null>
  /**
   * A reader page's HTML (src/server/http/page-html.ts), drawn from the reads above: rendered once per
   * version under `key`, then ready bytes like the API's answers; null (not kept) when there is no such page.
   */
  page(key: string, render: () => Promise<string | null>): Promise<CachedJson | null>
}

/**
 * A bounded map of values derived from one published version (least recently used out, misses not
 * kept), with shared loads for misses: `sizeOf` counts toward `maxBytes`.
 */
export function createVersionedMemo<T>(version: PublishedVersion, opts: PublicReadsOptions & { sizeOf?: (value: T) => number } = {}) {
  const maxEntries = opts.maxEntries ?? 2000
  const maxBytes = opts.maxBytes ?? 48 * 1024 * 1024
  const sizeOf = opts.sizeOf ?? (() => 0)
  let cacheVersion = -1
  let bytes = 0
  const cache = new Map<string, T>()
  const loading = new Map<string, Promise<T | null>>()

  function remember(key: string, value: T) {
    while (cache.size > 0 && (cache.size >= maxEntries || bytes + sizeOf(value) > maxBytes)) {
      const leastRecent = cache.keys().next().value!
      bytes -= sizeOf(cache.get(leastRecent)!)
      cache.delete(leastRecent)
    }
    cache.set(key, value)
    bytes += sizeOf(value)
  }

  return async function memo(key: string, load: () => Promise<T | null>): Promise<T | null> {
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
    const promise = load().then((value) => {
      // Only remember what was read under the version we checked (a newer one will have cleared
      // us), and never a miss: asking for ids that do not exist must not push real answers out.
      if (value !== null && cacheVersion === current && loading.get(key) === promise) remember(key, value)
      return value
    })
    loading.set(key, promise)
    void promise.then(
      () => loading.get(key) === promise && loading.delete(key),
      () => loading.get(key) === promise && loading.delete(key),
    )
    return promise
  }
}

/** Ready answers (JSON bodies made into CachedJson once) for one published version. */
export function createVersionedCache(version: PublishedVersion, opts: PublicReadsOptions = {}) {
  const memo = createVersionedMemo<CachedJson>(version, { ...opts, sizeOf: (json) => json.bytes.length })
  return (key: string, load: () => Promise<string | null>) =>
    memo(key, async () => {
      const body = await load()
      return body === null ? null : cachedJson(body)
    })
}

export function createPublicReads(storage: Storage, version: PublishedVersion, opts: PublicReadsOptions = {}): PublicReads {
  const cached = createVersionedCache(version, opts)
  // Objects for the cards: a card is drawn once (cached by content), but its request must still
  // find the issue; a few hundred are the recent ones a burst of shares asks for.
  const issues = createVersionedMemo<StoredIssue>(version, { maxEntries: 300 })
  const articles = createVersionedMemo<ArticleInIssue>(version, { maxEntries: 1000 })
  // Pages hold the next pages' openings too (tens of KB each): fewer of them, in a budget of their own.
  const pages = createVersionedCache(version, { maxEntries: 500, maxBytes: 32 * 1024 * 1024 })
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
    issueObject: (id) => issues(String(id), () => storage.getIssue(id)),
    articleObject: (id) => articles(String(id), () => storage.getArticle(id)),
    page: pages,
  }
}
