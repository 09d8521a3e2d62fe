/**
 * The home page's list of published issues, newest first, a page at a time. The first page is kept
 * on the device so home opens offline too.
 */
import { createStore } from 'zustand/vanilla'
import type { IssueList, IssueSummary } from '../core/api'
import type { Api } from '../services/api'
import type { ContentCache } from '../services/content-cache'
import { describeError, isNoNetwork } from '../services/http'

export interface IssueListState {
  items: IssueSummary[]
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  loadingMore: boolean
  error: string | null
  fromCache: boolean
  /** The last refresh found no network (home then says so and lists what is on the phone). */
  offline: boolean
  /** `fresh`: past any HTTP cache, for a member pulling down to see what is new. */
  refresh(options?: { fresh?: boolean }): Promise<void>
  loadMore(): Promise<void>
}

const FIRST_PAGE_KEY = 'issues:first'

export function createIssueListStore(api: Pick<Api, 'listIssues'>, cache: ContentCache, pageSize = 10, knownOffline: () => boolean = () => false) {
  return createStore<IssueListState>()((set, get) => ({
    items: [],
    nextCursor: null,
    status: 'idle',
    loadingMore: false,
    error: null,
    fromCache: false,
    offline: false,
    async refresh(options: { fresh?: boolean } = {}) {
      const cached = get().items.length ? null : cache.get<IssueList>(FIRST_PAGE_KEY)
      if (cached) set({ items: cached.items, nextCursor: cached.nextCursor, status: 'ready', fromCache: true })
      else if (!get().items.length) set({ status: 'loading', error: null })
      try {
        const page = await api.listIssues(null, pageSize, options)
        cache.put(FIRST_PAGE_KEY, page)
        set({ items: page.items, nextCursor: page.nextCursor, status: 'ready', error: null, fromCache: knownOffline(), offline: knownOffline() })
      } catch (error) {
        const offline = isNoNetwork(error) || knownOffline()
        if (get().items.length) set({ status: 'ready', error: describeError(error), fromCache: true, offline })
        else set({ status: 'error', error: describeError(error), offline })
      }
    },
    async loadMore() {
      const { nextCursor, loadingMore } = get()
      if (!nextCursor || loadingMore) return
      set({ loadingMore: true })
      try {
        const page = await api.listIssues(nextCursor, pageSize)
        const known = new Set(get().items.map((i) => i.id))
        set({ items: [...get().items, ...page.items.filter((i) => !known.has(i.id))], nextCursor: page.nextCursor, loadingMore: false })
      } catch (error) {
        set({ loadingMore: false, error: describeError(error) })
      }
    },
  }))
}
