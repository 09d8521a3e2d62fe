/**
 * Opened issues and articles, each under its own key so that no key nears WeChat's 1 MB limit and
 * eviction frees whole entries. An index records size and last use; past the budget the least
 * recently used entries go first. Pinned entries (favourites, issues saved with 保存本期) are never evicted.
 */
import { utf8Bytes, type KeyValueStore } from './storage'

export interface ContentCacheOptions {
  store: KeyValueStore
  /** Total bytes for cached content; below WeChat's 10 MB so settings and favourites still fit. */
  budgetBytes?: number
  maxEntryBytes?: number
  now?: () => number
}

interface IndexEntry {
  key: string
  bytes: number
  usedAt: number
  pinned: boolean
}

const INDEX_KEY = 'cache:index'
const PREFIX = 'cache:'

export interface ContentCache {
  get<T>(key: string): T | null
  /** Reads without counting as a use (search looking through everything must not reorder the LRU). */
  peek<T>(key: string): T | null
  /** Returns false when the value is too big to keep. */
  put(key: string, value: unknown, options?: { pinned?: boolean }): boolean
  pin(key: string, pinned: boolean): void
  has(key: string): boolean
  isPinned(key: string): boolean
  totalBytes(): number
  keys(): string[]
}

export function createContentCache(options: ContentCacheOptions): ContentCache {
  const { store, budgetBytes = 6 * 1024 * 1024, maxEntryBytes = 900 * 1024, now = Date.now } = options

  function readIndex(): IndexEntry[] {
    const raw = store.get(INDEX_KEY)
    if (!raw) return []
    try {
      const parsed = JSON.parse(raw)
      return Array.isArray(parsed) ? parsed : []
    } catch {
      return []
    }
  }
  const writeIndex = (index: IndexEntry[]) => store.set(INDEX_KEY, JSON.stringify(index))

  function evict(index: IndexEntry[]): IndexEntry[] {
    let total = index.reduce((sum, e) => sum + e.bytes, 0)
    const byAge = index.filter((e) => !e.pinned).sort((a, b) => a.usedAt - b.usedAt)
    const gone = new Set<string>()
    for (const entry of byAge) {
      if (total <= budgetBytes) break
      store.remove(PREFIX + entry.key)
      gone.add(entry.key)
      total -= entry.bytes
    }
    return index.filter((e) => !gone.has(e.key))
  }

  return {
    get<T>(key: string): T | null {
      const raw = store.get(PREFIX + key)
      if (!raw) return null
      const index = readIndex()
      const entry = index.find((e) => e.key === key)
      if (entry) {
        entry.usedAt = now()
        writeIndex(index)
      }
      try {
        return JSON.parse(raw) as T
      } catch {
        return null
      }
    },
    peek<T>(key: string): T | null {
      const raw = store.get(PREFIX + key)
      if (!raw) return null
      try {
        return JSON.parse(raw) as T
      } catch {
        return null
      }
    },
    put(key, value, opts = {}) {
      const text = JSON.stringify(value)
      const bytes = utf8Bytes(text) + utf8Bytes(key)
      if (bytes > maxEntryBytes) return false
      let index = readIndex()
      const previous = index.find((e) => e.key === key)
      const pinned = opts.pinned ?? previous?.pinned ?? false
      index = index.filter((e) => e.key !== key)
      // Pinned entries are never evicted, so together they must fit the budget: past it, one more
      // is refused (the member is told there is no room) rather than stored over the budget.
      if (pinned && index.reduce((sum, e) => sum + (e.pinned ? e.bytes : 0), 0) + bytes > budgetBytes) return false
      index.push({ key, bytes, usedAt: now(), pinned })
      index = evict(index)
      // What is pinned leaves no room for this one: it is not stored (an entry the index does not
      // hold would never be counted nor evicted).
      if (!index.some((e) => e.key === key)) {
        writeIndex(index)
        return false
      }
      try {
        store.set(PREFIX + key, text)
      } catch {
        // Device storage full despite the budget (other data grew): keep going without this entry.
        writeIndex(index.filter((e) => e.key !== key))
        return false
      }
      writeIndex(index)
      return true
    },
    pin(key, pinned) {
      const index = readIndex()
      const entry = index.find((e) => e.key === key)
      if (!entry) return
      entry.pinned = pinned
      writeIndex(evict(index))
    },
    has: (key) => readIndex().some((e) => e.key === key),
    isPinned: (key) => readIndex().some((e) => e.key === key && e.pinned),
    totalBytes: () => readIndex().reduce((sum, e) => sum + e.bytes, 0),
    keys: () => readIndex().map((e) => e.key),
  }
}
