/**
 * Search: the query, filters, results (only the newest query's answer is shown, however the
 * responses arrive), and recent searches kept on the device.
 */
import { createStore } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { SearchHit } from '../core/api'
import type { Api } from '../services/api'
import { describeError } from '../services/http'
import { zustandStorage, type KeyValueStore } from '../services/storage'

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
  setFilters(filters: { year?: number | null; section?: string | null }): Promise<void>
  search(query: string): Promise<void>
  loadMore(): Promise<void>
  remember(query: string): void
  clearRecent(): void
}

export function createSearchStore(api: Pick<Api, 'search'>, store: KeyValueStore) {
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
          set({ status: 'loading', error: null })
          try {
            const page = await api.search({ q: query, year: get().year, section: get().section })
            if (mine !== generation) return
            set({ hits: page.items, total: page.total, nextCursor: page.nextCursor, status: 'ready' })
          } catch (error) {
            if (mine !== generation) return
            set({ status: 'error', error: describeError(error) })
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
      { name: 'search', storage: createJSONStorage(() => zustandStorage(store)), partialize: (s) => ({ recent: s.recent }) },
    ),
  )
}
