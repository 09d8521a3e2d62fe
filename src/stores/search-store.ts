/**
 * Search: the query, filters, results (only the newest query's answer is shown, however the
 * responses arrive), and recent searches kept on the device.
 */
import { createStore } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { SearchFilters, SearchHit } from '../core/api'
import type { Api } from '../services/api'
import { describeError, isNoNetwork } from '../services/http'
import { zustandStorage, type KeyValueStore } from '../services/storage'
import type { DeviceSearch } from './device-search'

const MAX_RECENT = 8

export interface SearchState {
  query: string
  year: number | null
  section: string | null
  hits: SearchHit[]
  total: number
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  recent: string[]
  /**
   * `device`: there was no network, so these hits are from what is on the phone (saved issues and
   * ones opened before), not the whole archive.
   */
  source: 'server' | 'device'
  /** With `device`: how many issues and articles the phone had to search (none: nothing saved yet). */
  searchedOnDevice: number
  /** Every year and section of the archive (kept on the phone from the last time it was asked); null until then. */
  filters: SearchFilters | null
  /** Asks the server for them; without an answer the ones kept stay (the page adds the issues it has). */
  loadFilters(): Promise<void>
  setFilters(filters: { year?: number | null; section?: string | null }): Promise<void>
  search(query: string): Promise<void>
  loadMore(): Promise<void>
  remember(query: string): void
  clearRecent(): void
}

export interface OfflineSearch {
  /** Searches what is on the phone (./device-search.ts). */
  device: DeviceSearch
  /** The device says it has no network: search the phone straight away. */
  knownOffline(): boolean
}

export function createSearchStore(api: Pick<Api, 'search' | 'searchFilters'>, store: KeyValueStore, offline?: OfflineSearch) {
  let generation = 0
  return createStore<SearchState>()(
    persist(
      (set, get) => ({
        query: '',
        year: null,
        section: null,
        hits: [],
        total: 0,
        nextCursor: null,
        status: 'idle',
        error: null,
        recent: [],
        source: 'server',
        searchedOnDevice: 0,
        filters: null,
        async loadFilters() {
          try {
            set({ filters: await api.searchFilters() })
          } catch {
            // Offline or refused: the filters kept, and the issues the phone has, still offer something.
          }
        },
        async setFilters(filters) {
          set(filters)
          await get().search(get().query)
        },
        async search(raw) {
          const query = raw.trim()
          const mine = ++generation
          set({ query: raw })
          if (!query) {
            set({ hits: [], total: 0, nextCursor: null, status: 'idle', error: null })
            return
          }
          const onDevice = () => {
            const found = offline!.device({ q: query, year: get().year, section: get().section })
            set({ hits: found.hits, total: found.total, nextCursor: null, status: 'ready', error: null, source: 'device', searchedOnDevice: found.searched })
          }
          if (offline?.knownOffline()) return onDevice()
          set({ status: 'loading', error: null })
          try {
            const page = await api.search({ q: query, year: get().year, section: get().section })
            if (mine !== generation) return
            set({ hits: page.items, total: page.total, nextCursor: page.nextCursor, status: 'ready', source: 'server' })
          } catch (error) {
            if (mine !== generation) return
            if (offline && isNoNetwork(error)) onDevice()
            else set({ status: 'error', error: describeError(error) })
          }
        },
        async loadMore() {
          const { nextCursor, query, status } = get()
          if (!nextCursor || status !== 'ready') return
          const mine = generation
          const page = await api.search({ q: query.trim(), cursor: nextCursor, year: get().year, section: get().section })
          if (mine !== generation) return
          set({ hits: [...get().hits, ...page.items], nextCursor: page.nextCursor })
        },
        remember(raw) {
          const query = raw.trim()
          if (!query) return
          set({ recent: [query, ...get().recent.filter((r) => r !== query)].slice(0, MAX_RECENT) })
        },
        clearRecent: () => set({ recent: [] }),
      }),
      { name: 'search', storage: createJSONStorage(() => zustandStorage(store)), partialize: (s) => ({ recent: s.recent, filters: s.filters }) },
    ),
  )
}
