/**
 * Favourites: always kept on the device (with the article itself, pinned in the cache so it reads
 * offline), and synced with the backend when signed in. Removals made offline are remembered and
 * sent at the next sync.
 */
import { createStore } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { ArticleDetail, FavouriteEntry } from '../core/api'
import { favouriteItems, type Api } from '../services/api'
import type { ContentCache } from '../services/content-cache'
import { zustandStorage, type KeyValueStore } from '../services/storage'
import { articleKey } from './content-stores'

export interface FavouritesState {
  entries: FavouriteEntry[]
  /** Removed here but maybe not yet on the server. */
  removedIds: number[]
  syncing: boolean
  syncError: boolean
  isFavourite(articleId: number): boolean
  add(detail: ArticleDetail): void
  remove(articleId: number): void
  toggle(detail: ArticleDetail): boolean
  sync(): Promise<void>
}

export interface FavouritesDeps {
  api: Pick<Api, 'listFavourites' | 'addFavourite' | 'removeFavourite'>
  cache: ContentCache
  store: KeyValueStore
  /** The session token, signing in if needed; null when signed out or offline. */
  signIn(): Promise<string | null>
  now?: () => Date
}

export function entryFor(detail: ArticleDetail, addedAt: Date): FavouriteEntry {
  return {
    articleId: detail.article.id,
    addedAt: addedAt.toISOString(),
    title: detail.article.title,
    issueId: detail.issue.id,
    issueLabel: detail.issue.label,
    date: detail.issue.date,
  }
}

export function createFavouritesStore(deps: FavouritesDeps) {
  const now = deps.now ?? (() => new Date())
  const { api, cache } = deps
  // Server calls run one after another, in the order of the taps: a quick add-then-remove must not
  // reach the server as remove-then-add.
  let queue: Promise<unknown> = Promise.resolve()
  const push = (fn: () => Promise<unknown>) => {
    queue = queue
      .then(() => deps.signIn())
      .then((token) => (token ? fn() : undefined))
      .catch(() => undefined)
  }

  return createStore<FavouritesState>()(
    persist(
      (set, get) => ({
        entries: [],
        removedIds: [],
        syncing: false,
        syncError: false,
        isFavourite: (id) => get().entries.some((e) => e.articleId === id),
        add(detail) {
          const id = detail.article.id
          cache.put(articleKey(id), detail, { pinned: true })
          if (get().isFavourite(id)) return
          set({ entries: [entryFor(detail, now()), ...get().entries], removedIds: get().removedIds.filter((r) => r !== id) })
          push(() => api.addFavourite(id))
        },
        remove(id) {
          cache.pin(articleKey(id), false)
          set({ entries: get().entries.filter((e) => e.articleId !== id), removedIds: [...new Set([...get().removedIds, id])] })
          push(async () => {
            await api.removeFavourite(id)
            set({ removedIds: get().removedIds.filter((r) => r !== id) })
          })
        },
        toggle(detail) {
          if (get().isFavourite(detail.article.id)) {
            get().remove(detail.article.id)
            return false
          }
          get().add(detail)
          return true
        },
        async sync() {
          await queue
          const token = await deps.signIn()
          if (!token) return
          set({ syncing: true })
          try {
            for (const id of get().removedIds) await api.removeFavourite(id)
            const remote = favouriteItems(await api.listFavourites())
            const local = get().entries
            const localIds = new Set(local.map((e) => e.articleId))
            const remoteIds = new Set(remote.map((e) => e.articleId))
            for (const entry of local) if (!remoteIds.has(entry.articleId)) await api.addFavourite(entry.articleId)
            const merged = [...local, ...remote.filter((e) => !localIds.has(e.articleId))]
            merged.sort((a, b) => b.addedAt.localeCompare(a.addedAt))
            set({ entries: merged, removedIds: [], syncing: false, syncError: false })
          } catch {
            set({ syncing: false, syncError: true })
          }
        },
      }),
      { name: 'favourites', storage: createJSONStorage(() => zustandStorage(deps.store)), partialize: (s) => ({ entries: s.entries, removedIds: s.removedIds }) },
    ),
  )
}
