/**
 * Pictures kept on the phone for issues saved with 保存本期, so a saved issue reads offline with its
 * pictures. Two ways, one interface:
 * - H5: the browser's Cache Storage, in a cache of its own that the service worker answers picture
 *   requests from (./offline-worker.js); the page keeps using the picture's usual address.
 * - Mini-program: Taro.downloadFile, then the file system manager moves the file under
 *   wx.env.USER_DATA_PATH; a small map (url → file) kept in storage tells the reader to show the file.
 * The platform calls come in as small interfaces so tests run both against fakes.
 */
import type { KeyValueStore } from './storage'

/** The Cache Storage cache the service worker reads pictures from: the same name is in offline-worker.js. */
export const PICTURE_CACHE = 'ub-pictures-v1'

export interface KeepOutcome {
  kept: number
  failed: number
}

export interface PictureKeeper {
  /** Keeps each address not yet kept; `onEach` after every picture, kept or not. Never rejects. */
  keep(urls: string[], onEach?: (done: number, total: number) => void): Promise<KeepOutcome>
  /** Frees the space of these pictures. */
  release(urls: string[]): Promise<void>
  /** What to show instead of the address (a file on the phone), or null to use the address itself. */
  localUrl(url: string): string | null
}

/** Pictures are fetched one at a time: a weak connection gets one picture's worth at once, not six. */
/** A picture that has not arrived in this long counts as not kept (a stalled request must not leave the issue saving forever). */
const PICTURE_TIMEOUT_MS = 30_000

function withinTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function eachInTurn(urls: string[], work: (url: string) => Promise<boolean>, onEach?: (done: number, total: number) => void): Promise<KeepOutcome> {
  let kept = 0
  let failed = 0
  for (const url of urls) {
    let ok = false
    try {
      ok = await withinTimeout(work(url), PICTURE_TIMEOUT_MS)
    } catch {
      ok = false
    }
    if (ok) kept++
    else failed++
    onEach?.(kept + failed, urls.length)
  }
  return { kept, failed }
}

/** The part of the browser's CacheStorage this uses. */
export interface CacheStorageLike {
  open(name: string): Promise<{
    match(url: string): Promise<unknown>
    put(url: string, response: Response): Promise<void>
    delete(url: string): Promise<boolean>
  }>
}

export function createCacheStoragePictures(caches: CacheStorageLike, fetchPicture: (url: string) => Promise<Response>): PictureKeeper {
  return {
    keep(urls, onEach) {
      return eachInTurn(
        urls,
        async (url) => {
          const cache = await caches.open(PICTURE_CACHE)
          if (await cache.match(url)) return true
          const response = await fetchPicture(url)
          if (!response.ok) return false
          await cache.put(url, response)
          return true
        },
        onEach,
      )
    },
    async release(urls) {
      try {
        const cache = await caches.open(PICTURE_CACHE)
        for (const url of urls) await cache.delete(url)
      } catch {
        // Storage gone already (the member cleared the site's data): nothing to free.
      }
    },
    localUrl: () => null,
  }
}

/** The mini-program calls this uses: Taro.downloadFile and the file system manager, promisified. */
export interface WeappFiles {
  /** wx.env.USER_DATA_PATH */
  userDataPath: string
  download(url: string): Promise<{ statusCode: number; tempFilePath: string }>
  /** Moves a downloaded temporary file to `filePath` (FileSystemManager.saveFile). */
  saveFile(tempFilePath: string, filePath: string): Promise<void>
  unlink(filePath: string): Promise<void>
  mkdir(dirPath: string): Promise<void>
  exists(filePath: string): boolean
}

const MAP_KEY = 'pictures:kept'

/** A file name for an address: its letters and digits, and a hash so two long addresses never meet. */
export function fileNameFor(url: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193) >>> 0
  const readable = url
    .replace(/^[a-z]+:\/\/[^/]+/i, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .slice(-60)
  return `${readable}_${hash.toString(16)}`
}

export function createWeappPictures(files: WeappFiles, store: KeyValueStore): PictureKeeper {
  const dir = `${files.userDataPath}/pictures`
  const readMap = (): Record<string, string> => {
    try {
      return JSON.parse(store.get(MAP_KEY) ?? '{}') as Record<string, string>
    } catch {
      return {}
    }
  }
  const writeMap = (map: Record<string, string>) => {
    try {
      store.set(MAP_KEY, JSON.stringify(map))
    } catch {
      // Storage full: the files stay, the reader uses the addresses until the map can be written.
    }
  }
  let map = readMap()

  return {
    async keep(urls, onEach) {
      await files.mkdir(dir).catch(() => undefined)
      return eachInTurn(
        urls,
        async (url) => {
          const known = map[url]
          if (known && files.exists(known)) return true
          const downloaded = await files.download(url)
          if (downloaded.statusCode !== 200) return false
          const path = `${dir}/${fileNameFor(url)}`
          await files.saveFile(downloaded.tempFilePath, path)
          map = { ...map, [url]: path }
          writeMap(map)
          return true
        },
        onEach,
      )
    },
    async release(urls) {
      // Out of the map at once, before any file is removed: a keep running meanwhile adds to the
      // map as it is now, and nothing it adds is lost.
      const paths = urls.flatMap((url) => (map[url] ? [map[url]] : []))
      const gone = new Set(urls)
      map = Object.fromEntries(Object.entries(map).filter(([url]) => !gone.has(url)))
      writeMap(map)
      for (const path of paths) await files.unlink(path).catch(() => undefined)
    },
    // A kept file WeChat has since cleared away is not offered: the reader uses the address.
    localUrl: (url) => (map[url] && files.exists(map[url]) ? map[url] : null),
  }
}

/** Where nothing can be kept (no Cache Storage: an old browser, a page not on https). */
export const noPictureKeeper: PictureKeeper = {
  keep: (urls, onEach) => eachInTurn(urls, async () => false, onEach),
  release: async () => undefined,
  localUrl: () => null,
}
