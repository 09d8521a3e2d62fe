/**
 * A store of things fetched by id (issues, articles) that reads from the device first and then from
 * the network: a weak connection still shows what was opened before, at once, marked as from cache.
 */
import { createStore } from 'zustand/vanilla'
import { describeError, isNoNetwork } from '../services/http'
import type { ContentCache } from '../services/content-cache'

export interface ResourceEntry<T> {
  status: 'loading' | 'ready' | 'error'
  data: T | null
  error: string | null
  /** True while what is shown came from the device, not from the server just now. */
  fromCache: boolean
  /** The error is no network, and nothing of it is on the phone: the page says that, not a generic error. */
  offline?: boolean
}

export interface ResourceState<T> {
  entries: Record<string, ResourceEntry<T>>
  load(id: number): Promise<void>
}

export interface ResourceStoreOptions<T> {
  fetch(id: number): Promise<T>
  cache: ContentCache
  cacheKey(id: number): string
  /** Where else on the device it could be found (an article inside a cached issue). */
  fallback?(id: number): T | null
  /**
   * True when the device says it has no network: an answer then came from the browser's HTTP cache,
   * so it is shown as from the device too.
   */
  knownOffline?(): boolean
  /** Called after a fresh copy arrived and was cached. */
  onFresh?(id: number, data: T): void
}

export function createResourceStore<T>(options: ResourceStoreOptions<T>) {
  const { cache, cacheKey } = options
  const inFlight = new Map<number, Promise<void>>()

  return createStore<ResourceState<T>>()((set, get) => {
    const put = (id: number, entry: ResourceEntry<T>) => set({ entries: { ...get().entries, [id]: entry } })

    async function load(id: number): Promise<void> {
      const local = cache.get<T>(cacheKey(id)) ?? options.fallback?.(id) ?? null
      const current = get().entries[id]
      if (local) put(id, { status: 'ready', data: local, error: null, fromCache: true })
      else if (!current?.data) put(id, { status: 'loading', data: null, error: null, fromCache: false })
      try {
        const fresh = await options.fetch(id)
        cache.put(cacheKey(id), fresh)
        put(id, { status: 'ready', data: fresh, error: null, fromCache: options.knownOffline?.() ?? false })
        options.onFresh?.(id, fresh)
      } catch (error) {
        const shown = get().entries[id]?.data ?? local
        if (shown) put(id, { status: 'ready', data: shown, error: describeError(error), fromCache: true })
        else put(id, { status: 'error', data: null, error: describeError(error), fromCache: false, offline: isNoNetwork(error) || (options.knownOffline?.() ?? false) })
      }
    }

    return {
      entries: {},
      load(id) {
        // Two components asking at once share one request.
        const running = inFlight.get(id)
        if (running) return running
        const promise = load(id).finally(() => inFlight.delete(id))
        inFlight.set(id, promise)
        return promise
      },
    }
  })
}
