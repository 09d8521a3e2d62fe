/**
 * What differs between the mini-program and H5, in one place: launch scene, font-size setting,
 * storage and sign-in, navigation, sharing and saving the poster.
 */
import Taro from '@tarojs/taro'
import type { KeyValueStore, TaroStorageApi } from './storage'
import { createCacheStoragePictures, createWeappPictures, noPictureKeeper, type PictureKeeper } from './kept-pictures'
import type { SubscribeApi } from './subscribe'
import { posterFailure, posterOutcome, type PosterOutcome } from './poster'
import { installKeyboardActivation } from './keyboard'
import type { Transport } from './http'
import { taroTransport } from './taro-transport'
import { fetchTransport } from './fetch-transport'

// The only reads of the build-time platform: the bundler replaces them with a constant, and the
// branches for the other platform drop out of the bundle.
export const isWeapp = process.env.TARO_ENV === 'weapp'
export const isH5 = process.env.TARO_ENV === 'h5'

/** The HTTP client's transport: Taro.request in the mini-program, the browser's fetch on H5 (written out, so the other drops out). */
export const httpTransport: Transport = process.env.TARO_ENV === 'h5' ? fetchTransport : taroTransport

/** Opened from Moments: single-page mode, no login or navigation (scene 1154). */
export function isSinglePageMode(): boolean {
  if (!isWeapp) return false
  try {
    const options = (Taro.getEnterOptionsSync?.() ?? Taro.getLaunchOptionsSync?.()) as { scene?: number } | undefined
    return options?.scene === 1154
  } catch {
    return false
  }
}

/**
 * The device's storage, for the stores. Member calls written out: Taro's H5 build turns `Taro.x(...)`
 * into imports of x, so handing over the Taro object itself would lose the storage functions there.
 */
export const taroStorage: TaroStorageApi = {
  getStorageSync: (key) => Taro.getStorageSync(key),
  setStorageSync: (key, value) => Taro.setStorageSync(key, value),
  removeStorageSync: (key) => Taro.removeStorageSync(key),
}

/** A WeChat login code for the server to exchange (mini-program only). */
export async function wechatLoginCode(): Promise<string> {
  const { code } = await Taro.login()
  return code
}

/** WeChat's one-time subscribe-message dialog, for ./subscribe.ts (mini-program only). */
export const wechatSubscribe: SubscribeApi = {
  requestSubscribeMessage: (options) => Taro.requestSubscribeMessage(options as Parameters<typeof Taro.requestSubscribeMessage>[0]),
}

/** The search box takes focus as its page opens in WeChat; in H5 that happens mid-slide and shifts the page out of view. */
export const focusInputOnOpen = isWeapp

/** H5 draws no navigation bar: pages show their own (components/TopBar.tsx). */
export const showsOwnTopBar = isH5

/** H5: Enter and Space press the focused control (./keyboard.ts). */
export function installWebKeyboard(): void {
  if (isH5 && typeof document !== 'undefined') installKeyboardActivation(document)
}

/** H5: keeps the app's files for opening it again without network (./offline-worker.js). */
export function registerOfflineWorker(): void {
  if (isH5 && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  }
}

let fontScale: number | null | undefined

/**
 * WeChat's text-size scale (1 at the standard size on iOS and Android alike, whose standard px
 * differ: 17 and 16), when the platform tells it. Read once. getAppBaseInfo replaces the deprecated
 * getSystemInfoSync (base library 2.20.1).
 */
export function systemFontScale(): number | null {
  if (fontScale !== undefined) return fontScale
  // Browsers have no such setting. The test is written out, in an if/else, so the H5 build drops
  // the call and with it Taro's device-detection code (8 KB gzip); `isWeapp` would not.
  if (process.env.TARO_ENV !== 'weapp') fontScale = null
  else {
    try {
      const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }
      fontScale = typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0 ? info.fontSizeScaleFactor : null
    } catch {
      fontScale = null
    }
  }
  return fontScale
}

// Navigation: pages say where to go by name; the routes and Taro's calls stay here.
// H5 uses path URLs (config/index.ts, router.customRoutes): /articles/2 is a link a chat app can
// preview and the server can answer with the article itself.
const HOME = isH5 ? '/' : '/pages/index/index'
const articleUrl = (id: number, q?: string) =>
  isH5 ? `/articles/${id}${q ? `?q=${encodeURIComponent(q)}` : ''}` : `/pages/article/index?id=${id}${q ? `&q=${encodeURIComponent(q)}` : ''}`
const sectionQuery = (section: string | undefined, sep: string) => (section === undefined ? '' : `${sep}section=${encodeURIComponent(section)}`)
const issueUrl = (id: number, section?: string, item?: number) =>
  (isH5 ? `/issues/${id}${sectionQuery(section, '?')}` : `/pages/issue/index?id=${id}${sectionQuery(section, '&')}`) +
  (item === undefined ? '' : `${isH5 && section === undefined ? '?' : '&'}item=${item}`)
const pageUrl = (name: 'search' | 'favourites' | 'settings') => (isH5 ? `/${name}` : `/pages/${name}/index`)

/**
 * H5: a focused box (the search input) left in the page sliding out makes the browser scroll the
 * sliding pages to keep it in view, and the new page ends up off screen. Let go of it first.
 */
function leaveFocus(): void {
  if (isH5 && typeof document !== 'undefined') (document.activeElement as HTMLElement | null)?.blur?.()
}

/** A new page on top; WeChat keeps at most 10, so when the stack is full this one replaces the top. */
function open(url: string): void {
  leaveFocus()
  Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }).catch(() => undefined))
}

/** Replaces the current page (previous/next article: Back still leads to where reading began). */
function replace(url: string): void {
  leaveFocus()
  Taro.redirectTo({ url }).catch(() => undefined)
}

/** An article; `highlight` (a search term) is marked in its text. */
export const openArticle = (id: number, highlight?: string) => open(articleUrl(id, highlight))
/** The issue reader, at a section (a page index or a section name) when given. */
export const openIssue = (id: number, section?: string, item?: number) => open(issueUrl(id, section, item))
export const openSearch = () => open(pageUrl('search'))
export const openFavourites = () => open(pageUrl('favourites'))
export const openSettings = () => open(pageUrl('settings'))
/** Home pushed on top of the current page. */
export const openHome = () => open(HOME)
/** Another article in place of this one. */
export const switchToArticle = (id: number) => replace(articleUrl(id))

/** The page before this one, or home when this page was opened alone (a link, a reload). */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(() => goHome())
  else goHome()
}

/** Starts over at home, closing every page: the way back from a shared link opened alone. */
export function goHome(): void {
  Taro.reLaunch({ url: HOME }).catch(() => undefined)
}

/** The server's page addresses the app opens itself (src/server/http/page-html.ts serves them). */
const APP_PATH = /^\/(?:(?:issues|articles)\/[1-9]\d{0,14}|search|favourites|settings)?$/

/**
 * H5: a link on the server's page (src/index.html's boot script) tapped while the app was starting:
 * the app opens it, instead of the browser reloading everything for it. False for an address the app
 * does not open itself (the browser follows it).
 */
export function installBootLinks(): void {
  if (!isH5 || typeof window === 'undefined') return
  ;(window as unknown as { __ubOpen?: (path: string) => boolean }).__ubOpen = (path) => {
    if (!APP_PATH.test(path)) return false
    if (path === HOME) goHome()
    else open(path)
    return true
  }
}

export function toast(title: string, long = false): void {
  if (long) {
    // No title: Taro's H5 dialog then draws the message dark (#353535) instead of grey, and the
    // button in the app's red rather than the default light green, both readable at 4.5:1 or more.
    void Taro.showModal({ content: title, showCancel: false, confirmText: '知道了', confirmColor: '#b71c1c' }).catch(() => undefined)
  } else {
    void Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => undefined)
  }
}

/**
 * H5 share of an article: the Web Share API where the browser has it, otherwise copy the link. The
 * link is the article's path URL (/articles/5), which the server answers with the article's own
 * title, text and link-preview tags, so a chat app previews it and a colleague reads it at once.
 */
export function shareOnWeb(title: string, articleId: number): Promise<'shared' | 'copied' | 'failed'> {
  // H5 only. The constant written out (isH5 is a variable to the bundler) drops shareInBrowser from
  // the mini-program bundle, so setClipboardData (剪切板, an entry of its own in WeChat's privacy
  // guide) is not in it.
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve('failed')
  return shareInBrowser(title, `${location.origin}${articleUrl(articleId)}`)
}

async function shareInBrowser(title: string, url: string): Promise<'shared' | 'copied' | 'failed'> {
  const nav = navigator as Navigator & { share?: (data: { title: string; url: string }) => Promise<void> }
  if (typeof nav.share === 'function') {
    try {
      await nav.share({ title, url })
      return 'shared'
    } catch {
      // cancelled, or not allowed here: fall back to copying
    }
  }
  try {
    await Taro.setClipboardData({ data: url })
    return 'copied'
  } catch {
    return 'failed'
  }
}

/**
 * Save the poster image: to the album in WeChat, as a download in the browser. Never rejects: the
 * outcome says what happened and what the member can do (./poster.ts).
 */
export async function savePoster(imageUrl: string, fileName: string): Promise<PosterOutcome> {
  if (!isWeapp) {
    const link = document.createElement('a')
    link.href = imageUrl
    link.download = fileName
    link.target = '_blank'
    link.rel = 'noopener'
    document.body.appendChild(link)
    link.click()
    link.remove()
    // Android browsers download the file; iOS Safari opens the image instead, where a long press saves it.
    return { kind: 'saved', message: '海报已保存到下载；若打开的是图片，长按图片即可保存' }
  }
  let tempFilePath: string
  try {
    const downloaded = await Taro.downloadFile({ url: imageUrl })
    if (downloaded.statusCode !== 200) return posterOutcome('download-failed')
    tempFilePath = downloaded.tempFilePath
  } catch {
    return posterOutcome('download-failed')
  }
  try {
    // Asks for 相册（仅写入）: WeChat first asks onNeedPrivacyAuthorization (the privacy popup), then
    // the album permission itself.
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
    return posterOutcome('saved')
  } catch (error) {
    return posterFailure(error)
  }
}

/**
 * The privacy-guide agreement WeChat asks for before an API that needs it (base library 2.32.3):
 * `show` gets WeChat's resolve, to call with the member's answer from the popup.
 */
export type PrivacyResolve = (answer: { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' }) => void

export function onNeedPrivacyAuthorization(show: (resolve: PrivacyResolve) => void): void {
  if (!isWeapp) return
  const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: PrivacyResolve) => void) => void }
  try {
    taro.onNeedPrivacyAuthorization?.((resolve) => show(resolve))
  } catch {
    // older base library: WeChat shows its own prompt
  }
}

/** Opens the 用户隐私保护指引 page WeChat keeps for this mini-program. */
export function openPrivacyContract(): void {
  if (!isWeapp) return
  Taro.openPrivacyContract({ fail: () => undefined })
}

/**
 * Whether the device reports no network. Answers can still arrive then, from the HTTP cache; the
 * pages use this to say the content is from the device.
 */
export function watchNetwork(): () => boolean {
  let offline = false
  if (!isWeapp && typeof navigator !== 'undefined') return () => navigator.onLine === false
  try {
    Taro.onNetworkStatusChange((res) => {
      offline = !res.isConnected
    })
    void Taro.getNetworkType()
      .then((res) => {
        offline = res.networkType === 'none'
      })
      .catch(() => undefined)
  } catch {
    // not available: assume online
  }
  return () => offline
}

/** A picture enlarged full-screen (swipe to the article's others); WeChat's viewer, or Taro's on H5. */
export function previewPicture(current: string, urls: string[]): void {
  const options = { current, urls: urls.length > 0 ? urls : [current] }
  // H5: Taro's viewer brings Swiper and Stencil (a third of the app's script), so it loads on the
  // first picture tapped, not with the app. (The test is written out, so the weapp build drops the import.)
  if (process.env.TARO_ENV === 'h5') {
    void import('@tarojs/taro-h5/dist/api/media/image/previewImage').then(({ previewImage }) => previewImage(options)).catch(() => undefined)
  } else Taro.previewImage(options).catch(() => undefined)
}

/**
 * Where 保存本期 keeps pictures (./kept-pictures.ts): files under USER_DATA_PATH in the mini-program,
 * Cache Storage on H5 (read by the service worker). The platform test is written out so each
 * bundle carries only its own half.
 */
export function createPictureKeeper(store: KeyValueStore): PictureKeeper {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const fs = Taro.getFileSystemManager()
      const call = <T extends object>(run: (options: T & { success: () => void; fail: (e: unknown) => void }) => void, options: T) =>
        new Promise<void>((resolve, reject) => run({ ...options, success: () => resolve(), fail: reject }))
      return createWeappPictures(
        {
          userDataPath: Taro.env.USER_DATA_PATH ?? 'wxfile://usr',
          download: (url) => Taro.downloadFile({ url }).then((r) => ({ statusCode: r.statusCode, tempFilePath: r.tempFilePath })),
          saveFile: (tempFilePath, filePath) => call((o) => fs.saveFile(o), { tempFilePath, filePath }),
          unlink: (filePath) => call((o) => fs.unlink(o), { filePath }),
          mkdir: (dirPath) => call((o) => fs.mkdir(o), { dirPath, recursive: true }),
          exists(filePath) {
            try {
              fs.accessSync(filePath)
              return true
            } catch {
              return false
            }
          },
        },
        store,
      )
    } catch {
      return noPictureKeeper
    }
  }
  if (process.env.TARO_ENV === 'h5' && typeof caches !== 'undefined') return createCacheStoragePictures(caches, (url) => fetch(url))
  return noPictureKeeper
}
