/*
 * Boots the built mini-program (dist/weapp) in plain Node, the way WeChat would, and prints what one
 * page rendered. Run as a child process so each boot starts with fresh globals:
 *   node boot-page.cjs '{"page":"pages/index/index","query":{},"api":"http://127.0.0.1:PORT","storage":{},"taps":["☆ 收藏"]}'
 * Defines what a mini-program has: `wx` (request → the real backend over HTTP, storage on a Map,
 * system info, navigation recorded), App, Page, Component, getApp, getCurrentPages. Prints one JSON
 * line: { texts, storage, navigations, requests, errors }.
 */
const path = require('node:path')
const spec = JSON.parse(process.argv[2])
const root = path.resolve(__dirname, '../../../dist/weapp')

const storage = new Map(Object.entries(spec.storage || {}))
const navigations = []
const requests = []
const errors = []
const subscribeCalls = []
const toasts = []
let pending = 0
let lastActivity = Date.now()
const touch = () => {
  lastActivity = Date.now()
}

/** Answers a callback-style wx API: success + complete, or fail + complete. */
function answer(opts, ok, result) {
  const res = { errMsg: ok ? 'ok' : 'fail', ...result }
  setTimeout(() => {
    if (ok) opts?.success?.(res)
    else opts?.fail?.(res)
    opts?.complete?.(res)
  }, 0)
}

const api = {
  request(opts) {
    const target = new URL(opts.url)
    const url = spec.api + target.pathname + target.search // API_BASE is baked in; point it at the test server
    const method = (opts.method || 'GET').toUpperCase()
    const headers = { ...(opts.header || {}) }
    let body
    if (opts.data !== undefined && method !== 'GET') {
      body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data)
      headers['content-type'] = headers['content-type'] || 'application/json'
    }
    pending++
    requests.push(method + ' ' + target.pathname + target.search)
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), opts.timeout || 10000)
    fetch(url, { method, headers, body, signal: controller.signal })
      .then(async (r) => {
        const text = await r.text()
        let data = text
        try {
          data = JSON.parse(text)
        } catch {
          /* not JSON: the text as it came */
        }
        answer(opts, true, { statusCode: r.status, data, header: Object.fromEntries(r.headers) })
      })
      .catch((e) => answer(opts, false, { errMsg: 'request:fail ' + e.message }))
      .finally(() => {
        clearTimeout(timer)
        pending--
        touch()
      })
    return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} }
  },
  getStorageSync: (key) => (storage.has(key) ? JSON.parse(storage.get(key)) : ''),
  setStorageSync: (key, value) => void storage.set(key, JSON.stringify(value)),
  removeStorageSync: (key) => void storage.delete(key),
  getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
  getSystemInfoSync: () => ({
    brand: 'node',
    model: 'node',
    pixelRatio: 2,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 844,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'iOS 17',
    platform: 'ios',
    fontSizeSetting: spec.fontSizeSetting || 17,
    SDKVersion: '3.4.0',
  }),
  getLaunchOptionsSync: () => ({ path: spec.page, scene: spec.scene || 1001, query: spec.query || {} }),
  getEnterOptionsSync: () => ({ path: spec.page, scene: spec.scene || 1001, query: spec.query || {} }),
  login: (opts) => answer(opts, true, { code: spec.loginCode || 'no-code' }),
  navigateTo: (opts) => {
    navigations.push(opts.url)
    answer(opts, true, {})
  },
  redirectTo: (opts) => {
    navigations.push(opts.url)
    answer(opts, true, {})
  },
  reLaunch: (opts) => {
    navigations.push(opts.url)
    answer(opts, true, {})
  },
  requestSubscribeMessage: (opts) => {
    subscribeCalls.push({ tmplIds: opts.tmplIds, at: Date.now() })
    if (spec.subscribeFail) answer(opts, false, spec.subscribeFail)
    else answer(opts, true, spec.subscribeAnswer || {})
  },
  showToast: (opts) => {
    toasts.push(opts.title)
    answer(opts, true, {})
  },
  showModal: (opts) => {
    toasts.push(opts.content)
    answer(opts, true, { confirm: true })
  },
  canIUse: () => true,
}
// Other wx APIs the app calls: they succeed quietly (Taro copies only the APIs wx has, by name).
for (const name of [
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'stopPullDownRefresh',
  'pageScrollTo',
  'getNetworkType',
  'onNetworkStatusChange',
  'downloadFile',
  'saveImageToPhotosAlbum',
  'setClipboardData',
  'navigateBack',
  'switchTab',
  'showLoading',
  'hideLoading',
  'hideToast',
  'getSetting',
  'openSetting',
  'onAppShow',
  'onAppHide',
  'nextTick',
]) {
  if (!(name in api)) api[name] = (opts) => answer(opts, true, {})
}
// Any other wx API the runtime touches succeeds quietly; webpackJsonp (the chunk list) can be set.
global.wx = new Proxy(api, {
  get: (target, key) => (key in target ? target[key] : typeof key === 'string' && key !== 'then' && key !== 'webpackJsonp' ? (opts) => answer(opts, true, {}) : undefined),
  set: (target, key, value) => {
    target[key] = value
    return true
  },
  has: (target, key) => key in target || (typeof key === 'string' && key !== 'webpackJsonp'),
})

let appInstance = null
const pages = []
let pageConfig = null
global.App = (config) => {
  appInstance = config
}
global.Page = (config) => {
  pageConfig = config
}
global.Component = (config) => config
global.getApp = () => appInstance
global.getCurrentPages = () => pages
// WechatSI (同声传译) stand-in, by its documented textToSpeech contract: { lang, tts, content,
// success({ retcode, origin, filename, expired_time }), fail({ retcode, msg }) }. spec.ttsFail makes
// piece number ttsFail.at (0-based) fail with ttsFail.retcode, or with a network failure.
const ttsCalls = []
const audioEvents = []
const plugins = {
  WechatSI: {
    textToSpeech(opts) {
      const n = ttsCalls.length
      ttsCalls.push({ lang: opts.lang, tts: opts.tts, content: opts.content })
      const fail = spec.ttsFail && spec.ttsFail.at === n ? spec.ttsFail : null
      setTimeout(() => {
        if (fail) opts.fail?.({ retcode: fail.retcode, msg: fail.msg || 'fail' })
        else if (opts.content.length > 420) opts.fail?.({ retcode: -20003, msg: 'content too long' })
        else opts.success?.({ retcode: 0, origin: opts.content, filename: `https://tts.example/${n}.mp3`, expired_time: 0 })
        touch()
      }, 0)
    },
  },
}
global.requirePlugin = (name) => plugins[name] || {}
// The background audio manager: records what it is handed; each audio "plays" and ends at once
// (spec.audioPlays: how many end by themselves, so a test can stop mid-way).
const audioListeners = { play: [], ended: [], error: [] }
let audioEnded = 0
const backgroundAudio = {
  title: '',
  epname: '',
  singer: '',
  playbackRate: 1,
  _src: '',
  get src() {
    return this._src
  },
  set src(value) {
    this._src = value
    audioEvents.push({ src: value, title: this.title, playbackRate: this.playbackRate })
    setTimeout(() => {
      audioListeners.play.forEach((cb) => cb())
      if (audioEnded < (spec.audioPlays ?? Infinity)) {
        audioEnded++
        setTimeout(() => audioListeners.ended.forEach((cb) => cb()), 0)
      }
      touch()
    }, 0)
  },
  play() {},
  pause() {},
  stop() {},
  onPlay: (cb) => audioListeners.play.push(cb),
  onEnded: (cb) => audioListeners.ended.push(cb),
  onError: (cb) => audioListeners.error.push(cb),
  onStop() {},
  onPause() {},
}
api.getBackgroundAudioManager = () => backgroundAudio

/** The rendered tree: setData paths like "root.cn.[0].cn.[2].v" applied to one object. */
const tree = {}
function applyPath(target, key, value) {
  const parts = key.split('.').map((p) => (/^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) : p))
  let node = target
  for (let i = 0; i < parts.length - 1; i++) {
    if (node[parts[i]] == null) node[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {}
    node = node[parts[i]]
  }
  node[parts[parts.length - 1]] = value
}
function collect(node, out, nodes) {
  if (Array.isArray(node)) {
    node.forEach((n) => collect(n, out, nodes))
    return
  }
  if (!node || typeof node !== 'object') return
  if (typeof node.v === 'string' && node.v.trim()) out.push(node.v)
  if (node.sid || node.uid) nodes.push(node)
  for (const key of Object.keys(node)) if (key !== 'v') collect(node[key], out, nodes)
}

function classesOf(node = tree, out = []) {
  if (Array.isArray(node)) node.forEach((n) => classesOf(n, out))
  else if (node && typeof node === 'object') {
    if (typeof node.cl === 'string') out.push(node.cl)
    for (const key of Object.keys(node)) if (key !== 'cl') classesOf(node[key], out)
  }
  return out
}

/** Every image address in the rendered tree: Taro's base.wxml binds an <image>'s src to `p4`. */
function imagesOf(node = tree, out = []) {
  if (Array.isArray(node)) node.forEach((n) => imagesOf(n, out))
  else if (node && typeof node === 'object') {
    if (typeof node.p4 === 'string' && /^(https?:)?\//.test(node.p4)) out.push(node.p4)
    for (const key of Object.keys(node)) if (key !== 'p4') imagesOf(node[key], out)
  }
  return out
}

function textsOf() {
  const texts = []
  collect(tree, texts, [])
  return texts
}

async function settle(maxMs = 10000) {
  const start = Date.now()
  await new Promise((r) => setTimeout(r, 50))
  while (Date.now() - start < maxMs) {
    // spec.waitFor: words that only show after retries with backoff (quiet gaps between requests).
    const waiting = spec.waitFor && !textsOf().join('').includes(spec.waitFor)
    if (!waiting && pending === 0 && Date.now() - lastActivity > 300) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Finds the element whose subtree shows `text` and taps it the way WeChat's event bridge does. */
function tap(instance, text) {
  const nodes = []
  collect(tree, [], nodes)
  const shows = (n) => {
    const out = []
    collect(n.cn || [], out, [])
    return out.join('')
  }
  // The innermost element showing exactly the text, else the innermost one containing it.
  const match = nodes.filter((n) => shows(n) === text).pop() ?? nodes.filter((n) => shows(n).includes(text)).pop()
  if (!match) throw new Error(`nothing shows "${text}"`)
  const id = match.sid || match.uid
  const target = { id, dataset: {} }
  instance.eh({ type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: {}, touches: [], changedTouches: [] })
  touch()
}

async function main() {
  require(path.join(root, 'app.js'))
  appInstance.onLaunch?.call(appInstance, { path: spec.page, query: spec.query || {}, scene: spec.scene || 1001 })
  require(path.join(root, spec.page + '.js'))
  if (!pageConfig) throw new Error(`${spec.page}.js did not call Page()`)
  const instance = Object.create(pageConfig)
  Object.assign(instance, { route: spec.page, __route__: spec.page, data: {}, options: spec.query || {} })
  instance.setData = (data, cb) => {
    for (const [key, value] of Object.entries(data)) applyPath(tree, key, JSON.parse(JSON.stringify(value)))
    touch()
    if (cb) setTimeout(cb, 0)
  }
  pages.push(instance)
  instance.onLoad(spec.query || {})
  instance.onShow?.()
  instance.onReady?.()
  await settle()
  for (const text of spec.taps || []) {
    tap(instance, text)
    await settle()
  }
  // What WeChat would ask the page for when the member shares it (only set when the page enables it).
  const share = {
    appMessage: typeof instance.onShareAppMessage === 'function' ? instance.onShareAppMessage({ from: 'menu' }) : null,
    timeline: typeof instance.onShareTimeline === 'function' ? instance.onShareTimeline() : null,
  }
  const pageJson = JSON.parse(require('node:fs').readFileSync(path.join(root, spec.page + '.json'), 'utf8'))
  process.stdout.write(
    JSON.stringify({
      texts: textsOf(),
      classes: classesOf(),
      images: imagesOf(),
      storage: Object.fromEntries(storage),
      navigations,
      requests,
      errors,
      share,
      pageJson,
      subscribeCalls,
      toasts,
      ttsCalls,
      audioEvents,
    }) + '\n',
  )
  process.exit(0)
}

process.on('unhandledRejection', (e) => errors.push(String(e?.stack || e)))
process.on('uncaughtException', (e) => errors.push(String(e?.stack || e)))
main().catch((e) => {
  process.stdout.write(JSON.stringify({ fatal: String(e?.stack || e), texts: textsOf(), requests, errors }) + '\n')
  process.exit(1)
})
