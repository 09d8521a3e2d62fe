/**
 * Local storage for the stores: a small key-value interface, its Taro implementation, and a
 * zustand-compatible adapter. WeChat allows 10 MB in all and 1 MB per key; the content cache
 * (./content-cache.ts) keeps within those.
 */
export interface KeyValueStore {
  /** null when the key is missing. */
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export interface TaroStorageApi {
  getStorageSync(key: string): unknown
  setStorageSync(key: string, value: unknown): void
  removeStorageSync(key: string): void
}

/** Taro.getStorageSync answers '' for a missing key; we say null. Failures (quota) surface as throws on set. */
export function createTaroStore(taro: TaroStorageApi): KeyValueStore {
  return {
    get(key) {
      try {
        const value = taro.getStorageSync(key)
        if (value === '' || value === undefined || value === null) return null
        return typeof value === 'string' ? value : JSON.stringify(value)
      } catch {
        return null
      }
    },
    set: (key, value) => taro.setStorageSync(key, value),
    remove(key) {
      try {
        taro.removeStorageSync(key)
      } catch {
        // Already gone is fine.
      }
    },
  }
}

/** For tests and for environments without storage. */
export function createMemoryStore(map = new Map<string, string>()): KeyValueStore & { map: Map<string, string> } {
  return {
    map,
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  }
}

/** zustand's persist() storage: same sync calls, and a full device never crashes a tap. */
export function zustandStorage(store: KeyValueStore) {
  return {
    getItem: (name: string) => store.get(name),
    setItem: (name: string, value: string) => {
      try {
        store.set(name, value)
      } catch {
        // Storage full: the state still lives in memory for this session.
      }
    },
    removeItem: (name: string) => store.remove(name),
  }
}

/** UTF-8 byte length without TextEncoder (missing on some mini-program base libraries). */
export function utf8Bytes(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
