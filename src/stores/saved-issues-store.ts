/**
 * 保存本期: whole issues kept on the phone for reading with no network. The issue (which holds its
 * articles) is pinned in the content cache, so the LRU never evicts it; its pictures are kept by the
 * platform's PictureKeeper. What is saved is remembered on the device (with what home lists of it);
 * progress and the last outcome live in memory for the page to put into words.
 */
import { createStore } from 'zustand/vanilla'
import { newestFirst } from '../core/issue-order'
import { createJSONStorage, persist } from 'zustand/middleware'
import { PICTURE_WIDTH, type IssueDetail, type IssueSummary } from '../core/api'
import type { ContentCache } from '../services/content-cache'
import type { PictureKeeper } from '../services/kept-pictures'
import { zustandStorage, type KeyValueStore } from '../services/storage'
import { issueKey } from './content-stores'

export interface SavedIssue {
  /** What home shows of it, also when the list of issues cannot be fetched. */
  summary: IssueSummary
  savedAt: string
  /** The picture addresses kept for it (released with it). */
  pictures: string[]
  /** Pictures that could not be fetched: the text reads offline, these do not show. */
  missingPictures: number
}

export type SaveProgress =
  | { kind: 'saving'; done: number; total: number }
  | { kind: 'saved'; missingPictures: number }
  /** `space`: the phone's storage for the app is full; the issue is not saved. */
  | { kind: 'failed'; reason: 'space' }
  | { kind: 'removed' }

export interface SavedIssuesState {
  saved: Record<string, SavedIssue>
  /** Per issue id, while saving and after: for the page's words. Not kept across launches. */
  progress: Record<string, SaveProgress>
  isSaved(issueId: number): boolean
  save(issue: IssueDetail): Promise<SaveProgress>
  unsave(issueId: number): Promise<void>
  /** Saved issues, newest first. */
  list(): SavedIssue[]
  /** The address to show a picture from: its kept file where the platform keeps files, else its address. */
  pictureSource(mediaId: string, width: number): string
}

export interface SavedIssuesDeps {
  cache: ContentCache
  store: KeyValueStore
  pictures: PictureKeeper
  /** A picture's address at a width (services/api.ts pictureUrl with the app's base). */
  pictureAddress(mediaId: string, width: number): string
  now?: () => Date
}

/** What the home list says of an issue, worked out from the issue itself. */
export function summaryOf(issue: IssueDetail): IssueSummary {
  return {
    id: issue.id,
    label: issue.label,
    year: issue.year,
    number: issue.number,
    date: issue.date,
    publishedAt: issue.publishedAt,
    contents: issue.sections.map((section) => ({
      name: section.name,
      articles: section.items.flatMap((item) => (item.kind === 'article' ? [{ id: item.id, title: item.title }] : [])),
      briefCount: section.items.filter((item) => item.kind === 'brief').length,
    })),
  }
}

/** Every picture of the issue's articles, once each, in reading order. */
export function pictureIdsOf(issue: IssueDetail): string[] {
  const ids = new Set<string>()
  for (const section of issue.sections)
    for (const item of section.items) {
      if (item.kind !== 'article') continue
      for (const block of item.blocks ?? []) if (block.kind === 'image' && block.mediaId) ids.add(block.mediaId)
    }
  return [...ids]
}

export function createSavedIssuesStore(deps: SavedIssuesDeps) {
  const { cache, pictures } = deps
  const now = deps.now ?? (() => new Date())
  return createStore<SavedIssuesState>()(
    persist(
      (set, get) => {
        const setProgress = (id: number, progress: SaveProgress) => set({ progress: { ...get().progress, [id]: progress } })
        return {
          saved: {},
          progress: {},
          isSaved: (id) => Boolean(get().saved[id]),
          async save(issue) {
            const id = issue.id
            const running = get().progress[id]
            if (running?.kind === 'saving') return running
            try {
              return await saveIssue(issue)
            } catch {
              // Storage refused a write on the way (the device is full): said, never left saving.
              const failed: SaveProgress = { kind: 'failed', reason: 'space' }
              setProgress(id, failed)
              return failed
            }
          },
          async unsave(id) {
            const entry = get().saved[id]
            if (!entry) return
            cache.pin(issueKey(id), false)
            const rest = { ...get().saved }
            delete rest[id]
            set({ saved: rest })
            setProgress(id, { kind: 'removed' })
            // A picture shared with another saved issue stays for that one.
            await pictures.release(entry.pictures.filter((url) => !usedElsewhere(url, id)))
          },
          list: () => Object.values(get().saved).sort((a, b) => newestFirst(a.summary, b.summary)),
          pictureSource(mediaId, width) {
            const address = deps.pictureAddress(mediaId, width)
            // An enlarged picture offline: the kept reading-width copy is better than nothing.
            return pictures.localUrl(address) ?? pictures.localUrl(deps.pictureAddress(mediaId, PICTURE_WIDTH)) ?? address
          },
        }

        async function saveIssue(issue: IssueDetail): Promise<SaveProgress> {
          const id = issue.id
          // The text first: pinned, it is never evicted, and every article reads from it.
          if (!cache.put(issueKey(id), issue, { pinned: true })) {
            const failed: SaveProgress = { kind: 'failed', reason: 'space' }
            setProgress(id, failed)
            return failed
          }
          const urls = pictureIdsOf(issue).map((mediaId) => deps.pictureAddress(mediaId, PICTURE_WIDTH))
          setProgress(id, { kind: 'saving', done: 0, total: urls.length })
          const outcome = await pictures.keep(urls, (done, total) => setProgress(id, { kind: 'saving', done, total }))
          // Released with the issue later: only what was asked for now (an earlier save's extra
          // pictures, if the issue was corrected since, go too).
          const previous = get().saved[id]
          const stale = previous ? previous.pictures.filter((url) => !urls.includes(url) && !usedElsewhere(url, id)) : []
          if (stale.length) await pictures.release(stale)
          set({ saved: { ...get().saved, [id]: { summary: summaryOf(issue), savedAt: now().toISOString(), pictures: urls, missingPictures: outcome.failed } } })
          const done: SaveProgress = { kind: 'saved', missingPictures: outcome.failed }
          setProgress(id, done)
          return done
        }

        function usedElsewhere(url: string, exceptId: number): boolean {
          return Object.entries(get().saved).some(([key, entry]) => Number(key) !== exceptId && entry.pictures.includes(url))
        }
      },
      {
        name: 'saved-issues',
        storage: createJSONStorage(() => zustandStorage(deps.store)),
        partialize: (s) => ({ saved: s.saved }),
      },
    ),
  )
}
