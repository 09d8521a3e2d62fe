import { createContentCache } from '../../../src/services/content-cache'
import { createMemoryStore, createTaroStore, utf8Bytes, zustandStorage } from '../../../src/services/storage'

/** Taro's storage API as WeChat behaves: '' for a missing key, a quota that throws. */
function wechatLikeStorage(quotaBytes = Infinity) {
  const map = new Map<string, unknown>()
  const used = () => [...map.values()].reduce<number>((n, v) => n + utf8Bytes(String(v)), 0)
  return {
    map,
    getStorageSync: (key: string) => (map.has(key) ? map.get(key) : ''),
    setStorageSync(key: string, value: unknown) {
      if (used() + utf8Bytes(String(value)) > quotaBytes) throw new Error('setStorage:fail exceed storage max size 10MB')
      map.set(key, value)
    },
    removeStorageSync: (key: string) => void map.delete(key),
  }
}

describe('Taro storage adapter', () => {
  it("maps Taro's '' for a missing key to null and round-trips strings", () => {
    const store = createTaroStore(wechatLikeStorage())
    expect(store.get('nothing')).toBeNull()
    store.set('k', '{"a":1}')
    expect(store.get('k')).toBe('{"a":1}')
    store.remove('k')
    expect(store.get('k')).toBeNull()
  })

  it('zustand storage swallows a full device instead of crashing the tap', () => {
    const store = createTaroStore(wechatLikeStorage(10))
    const adapter = zustandStorage(store)
    expect(() => adapter.setItem('settings', 'x'.repeat(100))).not.toThrow()
    expect(adapter.getItem('settings')).toBeNull()
  })

  it('counts UTF-8 bytes (Chinese is three bytes, astral four)', () => {
    expect(utf8Bytes('abc')).toBe(3)
    expect(utf8Bytes('工会')).toBe(6)
    expect(utf8Bytes('😀')).toBe(4)
    expect(utf8Bytes('工会😀a')).toBe(Buffer.byteLength('工会😀a'))
  })
})

describe('content cache', () => {
  const issue = (n: number) => ({ id: n, text: '工会信息'.repeat(250) }) // about 3 KB each

  it('keeps each entry under its own key and evicts the least recently used past the budget', () => {
    const store = createMemoryStore()
    let clock = 0
    const cache = createContentCache({ store, budgetBytes: 10_000, now: () => ++clock })
    cache.put('issue:1', issue(1))
    cache.put('issue:2', issue(2))
    cache.put('issue:3', issue(3))
    expect(cache.get('issue:1')).toEqual(issue(1)) // 1 is now the most recently used
    cache.put('issue:4', issue(4))
    expect(cache.has('issue:2')).toBe(false)
    expect(store.get('cache:issue:2')).toBeNull()
    expect(cache.get('issue:1')).toEqual(issue(1))
    expect(cache.get('issue:4')).toEqual(issue(4))
    expect(cache.totalBytes()).toBeLessThanOrEqual(10_000)
  })

  it('never evicts pinned entries (favourites) and releases them when unpinned', () => {
    const store = createMemoryStore()
    let clock = 0
    const cache = createContentCache({ store, budgetBytes: 7_000, now: () => ++clock })
    cache.put('article:1', issue(1), { pinned: true })
    for (let n = 2; n < 8; n++) cache.put(`issue:${n}`, issue(n))
    expect(cache.get('article:1')).toEqual(issue(1))
    cache.pin('article:1', false)
    cache.put('issue:9', issue(9))
    cache.put('issue:10', issue(10))
    expect(cache.has('article:1')).toBe(false)
  })

  it('keeps pinned entries within the budget: one more is refused, and an unpinned one with no room left is not stored at all', () => {
    const store = createMemoryStore()
    let clock = 0
    const cache = createContentCache({ store, budgetBytes: 7_000, now: () => ++clock })
    expect(cache.put('issue:1', issue(1), { pinned: true })).toBe(true)
    expect(cache.put('issue:2', issue(2), { pinned: true })).toBe(true)
    expect(cache.put('issue:3', issue(3), { pinned: true })).toBe(false)
    expect(store.get('cache:issue:3')).toBeNull()
    // The pinned two leave no room for a third entry: it is refused, not written beside the index.
    expect(cache.put('article:9', issue(9))).toBe(false)
    expect(store.get('cache:article:9')).toBeNull()
    expect(cache.keys().sort()).toEqual(['issue:1', 'issue:2'])
    cache.pin('issue:2', false)
    expect(cache.put('issue:3', issue(3), { pinned: true })).toBe(true)
  })

  it('refuses an entry over the per-key limit rather than failing in WeChat', () => {
    const cache = createContentCache({ store: createMemoryStore(), maxEntryBytes: 1000 })
    expect(cache.put('issue:big', { text: '字'.repeat(400) })).toBe(false)
    expect(cache.get('issue:big')).toBeNull()
    expect(cache.put('issue:small', { text: '字'.repeat(100) })).toBe(true)
  })

  it('survives a device quota error by dropping only that entry', () => {
    const cache = createContentCache({ store: createTaroStore(wechatLikeStorage(5_000)) })
    expect(cache.put('issue:1', issue(1))).toBe(true)
    expect(cache.put('issue:2', issue(2))).toBe(false)
    expect(cache.keys()).toEqual(['issue:1'])
  })
})
