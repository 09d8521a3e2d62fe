/**
 * What this member has read: opened issues (home marks the others as new) and where they stopped in
 * each article.
 */
import { createStore } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import { zustandStorage, type KeyValueStore } from '../services/storage'

const MAX_POSITIONS = 200
const MAX_READ = 1000

export interface ReadingState {
  readIssueIds: number[]
  /** articleId → scrollTop in px, newest last. */
  positions: Array<[number, number]>
  markIssueRead(id: number): void
  savePosition(articleId: number, scrollTop: number): void
  positionOf(articleId: number): number
}

export function createReadingStore(store: KeyValueStore) {
  return createStore<ReadingState>()(
    persist(
      (set, get) => ({
        readIssueIds: [],
        positions: [],
        markIssueRead(id) {
          if (get().readIssueIds.includes(id)) return
          set({ readIssueIds: [...get().readIssueIds, id].slice(-MAX_READ) })
        },
        savePosition(articleId, scrollTop) {
          const rest = get().positions.filter(([id]) => id !== articleId)
          set({ positions: [...rest, [articleId, Math.max(0, Math.round(scrollTop))] as [number, number]].slice(-MAX_POSITIONS) })
        },
        positionOf: (articleId) => get().positions.find(([id]) => id === articleId)?.[1] ?? 0,
      }),
      { name: 'reading', storage: createJSONStorage(() => zustandStorage(store)), partialize: (s) => ({ readIssueIds: s.readIssueIds, positions: s.positions }) },
    ),
  )
}
