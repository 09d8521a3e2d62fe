/**
 * Knows which version of the published content this process is looking at. Several processes may
 * share one database, so the version lives there (Storage.publishedVersion); a process re-reads it at
 * most every `recheckMs` and at once after its own writes (`invalidate`).
 */
import type { Storage } from '../storage/storage'

export interface PublishedVersion {
  current(): Promise<number>
  invalidate(): void
}

export function createPublishedVersion(storage: Storage, recheckMs: number, clock: () => number = Date.now): PublishedVersion {
  let known: number | null = null
  let checkedAt = 0
  let pending: Promise<number> | null = null
  // A read begun before this process's own publish committed may answer the old version: it must not
  // be remembered (nor shared) once invalidate() has been called.
  let generation = 0
  return {
    async current() {
      if (known !== null && clock() - checkedAt < recheckMs) return known
      if (!pending) {
        const started = generation
        const read: Promise<number> = storage.publishedVersion().then(
          (version) => {
            if (started === generation) {
              known = version
              checkedAt = clock()
            }
            if (pending === read) pending = null
            return version
          },
          (error) => {
            if (pending === read) pending = null
            throw error
          },
        )
        pending = read
      }
      return pending
    },
    invalidate() {
      known = null
      pending = null
      generation++
    },
  }
}
