/**
 * A least-recently-used cache bounded by total bytes, for rendered PNGs. A Map keeps insertion
 * order, so re-inserting on every hit makes its first key the least recently used.
 */
export interface ByteLru {
  get(key: string): Uint8Array | undefined
  set(key: string, value: Uint8Array): void
  readonly size: number
  readonly bytes: number
}

export function createByteLru(maxBytes: number): ByteLru {
  const entries = new Map<string, Uint8Array>()
  let bytes = 0
  return {
    get(key) {
      const value = entries.get(key)
      if (value) {
        entries.delete(key)
        entries.set(key, value)
      }
      return value
    },
    set(key, value) {
      if (value.byteLength > maxBytes) return
      const old = entries.get(key)
      if (old) {
        bytes -= old.byteLength
        entries.delete(key)
      }
      entries.set(key, value)
      bytes += value.byteLength
      while (bytes > maxBytes) {
        const [oldestKey, oldest] = entries.entries().next().value as [string, Uint8Array]
        entries.delete(oldestKey)
        bytes -= oldest.byteLength
      }
    },
    get size() {
      return entries.size
    },
    get bytes() {
      return bytes
    },
  }
}
