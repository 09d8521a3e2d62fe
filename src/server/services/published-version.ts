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
  return {
    async current() {
      if (known !== null && clock() - checkedAt < recheckMs) return known
      pending ??= storage.publishedVersion().then(
        (version) => {
          known = version
          checkedAt = clock()
          pending = null
          return version
        },
        (error) => {
          pending = null
          throw error
        },
      )
      return pending
    },
    invalidate() {
      known = null
    },
  }
}
