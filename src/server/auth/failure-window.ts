/**
 * Counts failures per key (a name, an address) in a fixed window: past `limit` failures a key must
 * wait until its window ends. In memory, per process; bounded, so a flood of new keys only starts
 * the counts over.
 */
const MAX_KEYS = 10_000

export interface FailureWindow {
  /** Seconds the key must still wait, or 0 when it may try. */
  waitSeconds(key: string): number
  fail(key: string): void
  clear(key: string): void
  /** Takes back one counted attempt (an attempt is counted before its password is checked). */
  forgive(key: string): void
}

export function createFailureWindow(limit: number, windowMs: number, clock: () => number = Date.now): FailureWindow {
  const entries = new Map<string, { count: number; since: number }>()
  const live = (key: string) => {
    const entry = entries.get(key)
    if (entry && clock() - entry.since >= windowMs) {
      entries.delete(key)
      return undefined
    }
    return entry
  }
  return {
    waitSeconds(key) {
      const entry = live(key)
      if (!entry || entry.count < limit) return 0
      return Math.max(1, Math.ceil((entry.since + windowMs - clock()) / 1000))
    },
    fail(key) {
      const entry = live(key)
      if (entry) entry.count++
      else {
        // Full: forget the oldest key only (clearing all would let a spray of names lift every lock).
        if (entries.size >= MAX_KEYS) entries.delete(entries.keys().next().value!)
        entries.set(key, { count: 1, since: clock() })
      }
    },
    clear: (key) => void entries.delete(key),
    forgive(key) {
      const entry = live(key)
      if (entry && --entry.count <= 0) entries.delete(key)
    },
  }
}
