/**
 * 保存本期 through the saved-issues store's public interface, over the real content cache and the
 * real picture keepers (Cache Storage's and the mini-program's), with fakes only for the platform
 * calls underneath them: the browser's CacheStorage and fetch, and WeChat's download and files.
 */
import type { IssueDetail } from '../../../src/core/api'
import type { StoredIssue } from '../../../src/core/bulletin'
import { createContentCache } from '../../../src/services/content-cache'
import { createCacheStoragePictures, createWeappPictures, PICTURE_CACHE, type CacheStorageLike, type PictureKeeper, type WeappFiles } from '../../../src/services/kept-pictures'
import { createMemoryStore, type KeyValueStore } from '../../../src/services/storage'
import { articleKey, createArticleStore, issueKey } from '../../../src/stores/content-stores'
import { createSavedIssuesStore, pictureIdsOf, summaryOf } from '../../../src/stores/saved-issues-store'
import { importIssue, readSample } from '../../core/import/support'
import { createApi } from '../../../src/services/api'
import { createHttpClient } from '../../../src/services/http'
import { fetchTransport } from '../support/fetch-transport'
import { OFFLINE } from '../support/client'

const address = (mediaId: string, width: number) => `https://bulletin.example.cn/api/media/${mediaId}?w=${width}`

/** The sample issue as the server sends it, with pictures added to its first two articles. */
function sampleIssue(
  id = 7,
  pictures: string[][] = [
    ['m1', 'm2'],
    ['m2', 'm3'],
  ],
): IssueDetail {
  const issue = importIssue(readSample())
  let next = id * 100
  let article = 0
  const stored: StoredIssue = {
    ...issue,
    id,
    status: 'published',
    publishedAt: '2020-07-13T00:00:00.000Z',
    importedAt: '2020-07-13T00:00:00.000Z',
    sections: issue.sections.map((s) => ({
      name: s.name,
      items: s.items.map((item) => {
        if (item.kind !== 'article') return { ...item, id: next++ }
        const mine = pictures[article++] ?? []
        const blocks = [
          ...item.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
          ...mine.map((mediaId) => ({ kind: 'image' as const, mediaId, width: 600, height: 400, caption: null })),
        ]
        return { ...item, id: next++, blocks }
      }),
    })),
  }
  return stored
}

/** WeChat's download and file system, as a Map of files. */
function fakeWeappFiles(failing: Set<string> = new Set()) {
  const files = new Map<string, string>()
  const temp = new Map<string, string>()
  const downloads: string[] = []
  let n = 0
  const api: WeappFiles = {
    userDataPath: 'wxfile://usr',
    async download(url) {
      downloads.push(url)
      if (failing.has(url)) return { statusCode: 502, tempFilePath: '' }
      const tempFilePath = `wxfile://tmp/${n++}`
      temp.set(tempFilePath, `bytes of ${url}`)
      return { statusCode: 200, tempFilePath }
    },
    async saveFile(tempFilePath, filePath) {
      const bytes = temp.get(tempFilePath)
      if (bytes === undefined) throw new Error('no such temp file')
      temp.delete(tempFilePath) // saveFile moves the file
      files.set(filePath, bytes)
    },
    async unlink(filePath) {
      if (!files.delete(filePath)) throw new Error('no such file')
    },
    async mkdir() {
      throw new Error('fail file already exists') // as WeChat answers a second mkdir
    },
    exists: (filePath) => files.has(filePath),
  }
  return { api, files, downloads }
}

/** The browser's Cache Storage and fetch, as Maps. */
function fakeCaches(failing: Set<string> = new Set()) {
  const stores = new Map<string, Map<string, Response>>()
  const fetched: string[] = []
  const caches: CacheStorageLike = {
    async open(name) {
      const entries = stores.get(name) ?? stores.set(name, new Map()).get(name)!
      return {
        match: async (url) => entries.get(url),
        put: async (url, response) => void entries.set(url, response),
        delete: async (url) => entries.delete(url),
      }
    },
  }
  const fetchPicture = async (url: string) => {
    fetched.push(url)
    return failing.has(url) ? new Response('busy', { status: 503 }) : new Response(`bytes of ${url}`, { status: 200 })
  }
  return { caches, fetchPicture, stores, fetched }
}

function makeStore(pictures: PictureKeeper, store: KeyValueStore = createMemoryStore(), budgetBytes?: number, maxEntryBytes?: number) {
  let clock = 0
  const cache = createContentCache({ store, budgetBytes, maxEntryBytes, now: () => ++clock })
  const saved = createSavedIssuesStore({ cache, store, pictures, pictureAddress: address, now: () => new Date('2026-12-01T08:00:00Z') })
  return { cache, saved, store }
}

describe('saved issues (保存本期)', () => {
  it('pins the whole issue so the LRU never evicts it, and its articles read from it with no network', async () => {
    const issue = sampleIssue()
    const size = JSON.stringify(issue).length * 3
    const { cache, saved, store } = makeStore(createWeappPictures(fakeWeappFiles().api, createMemoryStore()), createMemoryStore(), size + 10_000)
    await saved.getState().save(issue)
    // Much more than the budget read since: every unpinned entry goes, the saved issue stays.
    for (let n = 0; n < 20; n++) cache.put(`issue:${1000 + n}`, { id: 1000 + n, text: '工会'.repeat(2000) })
    expect(cache.peek(issueKey(7))).toEqual(issue)
    expect(cache.has('issue:1000')).toBe(false)

    const firstArticle = issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!
    const api = createApi(createHttpClient({ baseUrl: OFFLINE, transport: fetchTransport, retries: 0 }))
    const articles = createArticleStore(api, createContentCache({ store }))
    await articles.getState().load(firstArticle.id)
    expect(articles.getState().entries[firstArticle.id]).toMatchObject({ status: 'ready', fromCache: true, data: { article: { title: firstArticle.title } } })
    expect(cache.has(articleKey(firstArticle.id))).toBe(false) // read from the issue, not a copy of its own
  })

  it('reports progress picture by picture, then says it is saved; remembered across launches with what home lists', async () => {
    const { api } = fakeWeappFiles()
    const store = createMemoryStore()
    const { saved } = makeStore(createWeappPictures(api, store), store)
    const seen: string[] = []
    saved.subscribe((s) => {
      const p = s.progress[7]
      if (p) seen.push(p.kind === 'saving' ? `saving ${p.done}/${p.total}` : p.kind)
    })
    const outcome = await saved.getState().save(sampleIssue())
    expect(outcome).toEqual({ kind: 'saved', missingPictures: 0 })
    expect([...new Set(seen)]).toEqual(['saving 0/3', 'saving 1/3', 'saving 2/3', 'saving 3/3', 'saved'])

    const later = makeStore(createWeappPictures(api, store), store).saved
    expect(later.getState().isSaved(7)).toBe(true)
    expect(later.getState().progress).toEqual({}) // progress is for this launch only
    expect(
      later
        .getState()
        .list()
        .map((s) => s.summary),
    ).toEqual([summaryOf(sampleIssue())])
    expect(
      later
        .getState()
        .list()[0]
        .summary.contents.flatMap((c) => c.articles).length,
    ).toBeGreaterThan(2)
  })

  it('keeps the text when some pictures cannot be fetched, says how many are missing, and a second save fetches only those', async () => {
    const failing = new Set([address('m2', 750)])
    const files = fakeWeappFiles(failing)
    const { saved } = makeStore(createWeappPictures(files.api, createMemoryStore()))
    expect(await saved.getState().save(sampleIssue())).toEqual({ kind: 'saved', missingPictures: 1 })
    expect(saved.getState().saved[7].missingPictures).toBe(1)
    failing.clear()
    files.downloads.length = 0
    expect(await saved.getState().save(sampleIssue())).toEqual({ kind: 'saved', missingPictures: 0 })
    expect(files.downloads).toEqual([address('m2', 750)])
  })

  it('says when the phone has no room for the issue, and saves nothing', async () => {
    const files = fakeWeappFiles()
    const { saved, cache } = makeStore(createWeappPictures(files.api, createMemoryStore()), createMemoryStore(), undefined, 2_000)
    expect(await saved.getState().save(sampleIssue())).toEqual({ kind: 'failed', reason: 'space' })
    expect(saved.getState().isSaved(7)).toBe(false)
    expect(cache.has(issueKey(7))).toBe(false)
    expect(files.downloads).toEqual([])
  })

  it('取消保存 unpins the issue and frees its pictures, except one another saved issue still shows', async () => {
    const files = fakeWeappFiles()
    const store = createMemoryStore()
    const { saved, cache } = makeStore(createWeappPictures(files.api, store), store)
    await saved.getState().save(sampleIssue(7, [['m1', 'm2']]))
    await saved.getState().save(sampleIssue(8, [['m2', 'm9']]))
    expect(files.files.size).toBe(3)
    await saved.getState().unsave(7)
    expect(saved.getState().isSaved(7)).toBe(false)
    expect(saved.getState().progress[7]).toEqual({ kind: 'removed' })
    expect(cache.isPinned(issueKey(7))).toBe(false)
    expect(cache.isPinned(issueKey(8))).toBe(true)
    expect(saved.getState().pictureSource('m1', 750)).toBe(address('m1', 750))
    expect(saved.getState().pictureSource('m2', 750)).toMatch(/^wxfile:\/\/usr\/pictures\//)
    expect(files.files.size).toBe(2)
  })

  it('lists saved issues newest first', async () => {
    const { saved } = makeStore(createWeappPictures(fakeWeappFiles().api, createMemoryStore()))
    const older = { ...sampleIssue(7, []), date: '2020-07-13' }
    const newer = { ...sampleIssue(8, []), date: '2021-03-01' }
    await saved.getState().save(older)
    await saved.getState().save(newer)
    expect(
      saved
        .getState()
        .list()
        .map((s) => s.summary.id),
    ).toEqual([8, 7])
  })
})

describe('kept pictures in the mini-program (downloadFile + USER_DATA_PATH)', () => {
  it('moves each download under USER_DATA_PATH/pictures and shows the file for its address, at either width', async () => {
    const files = fakeWeappFiles()
    const store = createMemoryStore()
    const { saved } = makeStore(createWeappPictures(files.api, store), store)
    await saved.getState().save(sampleIssue())
    expect(pictureIdsOf(sampleIssue())).toEqual(['m1', 'm2', 'm3'])
    const file = saved.getState().pictureSource('m1', 750)
    expect(file).toMatch(/^wxfile:\/\/usr\/pictures\/.+/)
    expect(files.files.get(file)).toBe(`bytes of ${address('m1', 750)}`)
    // An enlarged picture offline: the kept reading copy.
    expect(saved.getState().pictureSource('m1', 1500)).toBe(file)
    // Not saved: the address itself.
    expect(saved.getState().pictureSource('zz', 750)).toBe(address('zz', 750))
    // Another launch knows the files without asking the file system for a list.
    expect(createWeappPictures(files.api, store).localUrl(address('m3', 750))).toBe(saved.getState().pictureSource('m3', 750))
  })

  it('keeps no file for a failed download, and fetches again a kept file that has gone (WeChat cleared it)', async () => {
    const failing = new Set([address('m1', 750)])
    const files = fakeWeappFiles(failing)
    const keeper = createWeappPictures(files.api, createMemoryStore())
    expect(await keeper.keep([address('m1', 750), address('m2', 750)])).toEqual({ kept: 1, failed: 1 })
    expect(keeper.localUrl(address('m1', 750))).toBeNull()
    files.files.clear()
    files.downloads.length = 0
    failing.clear()
    expect(await keeper.keep([address('m2', 750)])).toEqual({ kept: 1, failed: 0 })
    expect(files.downloads).toEqual([address('m2', 750)])
  })
})

describe('kept pictures in the mini-program: releasing while keeping, and files gone', () => {
  it('a picture kept while others are being released stays kept, and a file WeChat cleared is not offered', async () => {
    const files = fakeWeappFiles()
    const keeper = createWeappPictures(files.api, createMemoryStore())
    await keeper.keep([address('m1', 750), address('m2', 750)])
    // Released and kept at the same time, as 取消保存 of one issue beside 保存本期 of another: the
    // file's removal is held until the other keep has finished.
    let letUnlinkFinish!: () => void
    const held = new Promise<void>((resolve) => (letUnlinkFinish = resolve))
    const unlink = files.api.unlink
    files.api.unlink = async (filePath) => {
      await held
      return unlink(filePath)
    }
    const releasing = keeper.release([address('m1', 750)])
    await keeper.keep([address('m3', 750)])
    letUnlinkFinish()
    await releasing
    expect(keeper.localUrl(address('m1', 750))).toBeNull()
    expect(keeper.localUrl(address('m3', 750))).toMatch(/^wxfile:\/\/usr\/pictures\//)
    expect(keeper.localUrl(address('m2', 750))).toMatch(/^wxfile:\/\/usr\/pictures\//)
    files.files.clear()
    expect(keeper.localUrl(address('m2', 750))).toBeNull()
  })
})

describe('saving when storage refuses a write', () => {
  it('says there is no room instead of staying at 正在保存…', async () => {
    const store = createMemoryStore()
    const { saved, cache } = makeStore(createWeappPictures(fakeWeappFiles().api, store), store)
    const realSet = store.set.bind(store)
    store.set = (key: string, value: string) => {
      if (key === 'cache:index') throw new Error('setStorageSync:fail exceed storage max size 10Mb')
      realSet(key, value)
    }
    expect(await saved.getState().save(sampleIssue())).toEqual({ kind: 'failed', reason: 'space' })
    expect(saved.getState().progress[sampleIssue().id]).toEqual({ kind: 'failed', reason: 'space' })
    expect(cache.keys()).toEqual([])
  })
})

describe('kept pictures on H5 (Cache Storage)', () => {
  it('puts each picture in the cache the service worker reads, once, and deletes it on 取消保存', async () => {
    const browser = fakeCaches(new Set([address('m3', 750)]))
    const { saved } = makeStore(createCacheStoragePictures(browser.caches, browser.fetchPicture))
    expect(await saved.getState().save(sampleIssue())).toEqual({ kind: 'saved', missingPictures: 1 })
    const kept = browser.stores.get(PICTURE_CACHE)!
    expect([...kept.keys()].sort()).toEqual([address('m1', 750), address('m2', 750)])
    expect(await kept.get(address('m1', 750))!.text()).toBe(`bytes of ${address('m1', 750)}`)
    // The page keeps the usual address: the service worker answers it from the cache.
    expect(saved.getState().pictureSource('m1', 750)).toBe(address('m1', 750))

    browser.fetched.length = 0
    await saved.getState().save(sampleIssue())
    expect(browser.fetched).toEqual([address('m3', 750)])

    await saved.getState().unsave(7)
    expect(kept.size).toBe(0)
  })
})
