/**
 * What the public reads (issues and articles), serialised once per published version and kept in a
 * bounded cache, so a hot issue costs a map lookup. Any publish/unpublish/replace/delete anywhere
 * bumps the version and so empties the cache.
 */
import type { Storage } from '../storage/storage'
import { cachedJson, type CachedJson } from '../http/cached-json'
import type { PublishedVersion } from './published-version'

const MAX_ENTRIES = 2000

export interface PublicReads {
  issue(id: number): Promise<CachedJson | null>
  article(id: number): Promise<CachedJson | null>
}

export function createPublicReads(storage: Storage, version: PublishedVersion): PublicReads {
  let cacheVersion = -1
  const cache = new Map<string, CachedJson | null>()

  async function cached(key: string, load: () => Promise<object | null>): Promise<CachedJson | null> {
    const current = await version.current()
    if (current !== cacheVersion) {
      cache.clear()
      cacheVersion = current
    }
    if (cache.has(key)) return cache.get(key)!
    const value = await load()
    const json = value === null ? null : cachedJson(JSON.stringify(value))
    // Only remember what was read under the version we checked; a newer one will have cleared us.
    if (cacheVersion === current) {
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!)
      cache.set(key, json)
    }
    return json
  }

  return {
    issue: (id) => cached(`issue:${id}`, () => storage.getIssue(id)),
    article: (id) => cached(`article:${id}`, () => storage.getArticle(id)),
  }
}
