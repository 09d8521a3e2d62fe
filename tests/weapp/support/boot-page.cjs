/*
 * Boots the built mini-program (dist/weapp) in plain Node, the way WeChat would, and prints what one
 * page rendered. Run as a child process so each boot starts with fresh globals:
 *   node boot-page.cjs '{"page":"pages/index/index","query":{},"api":"http://127.0.0.1:PORT","domains":["https://bulletin.example.cn"],"taps":["☆ 收藏"]}'
 * Defines what a mini-program has: a strict `wx` (only the APIs listed here; request and downloadFile
 * checked against the domain list, then served by the test server standing in for that domain;
 * storage on a Map; iOS or Android device and font settings; the privacy-guide check with errno 104
 * and 112; the album permission; Moments' single-page mode), App, Page, Component, getApp,
 * getCurrentPages. Prints one JSON line (see BootResult in boot.ts).
 */
const path = require('node:path')
const spec = JSON.parse(process.argv[2])
const root = path.resolve(__dirname, '../../../dist/weapp')
const { createWx } = require('./wx-standin.cjs')

const standin = createWx(spec)
global.wx = standin.wx
const { storage, navigations, requests, errors, subscribeCalls, toasts, calls, refused, savedImages, previews, privacyPrompts, authSetting } = standin.state
const { activity, touch } = standin

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
    // spec.audioFail: audio number `at` (0-based) fails as BackgroundAudioManager.onError reports it.
    if (spec.audioFail && spec.audioFail.at === audioEvents.length - 1) {
      const { errCode, errMsg } = spec.audioFail
      setTimeout(() => {
        audioListeners.error.forEach((cb) => cb({ errCode, errMsg }))
        touch()
      }, 0)
      return
    }
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
// Registered on the strict wx before the bundle loads (Taro copies wx's keys when it starts).
standin.wx.getBackgroundAudioManager = () => backgroundAudio

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
    if (!waiting && activity.pending === 0 && Date.now() - activity.last > 300) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** The innermost element showing exactly `text`, else the innermost one containing it; `image:PART` an <image> whose src contains PART. */
function findShowing(text) {
  const nodes = []
  collect(tree, [], nodes)
  const shows = (n) => {
    const out = []
    collect(n.cn || [], out, [])
    return out.join('')
  }
  const image = text.startsWith('image:') ? text.slice('image:'.length) : null
  return image
    ? nodes.find((n) => typeof n.p4 === 'string' && n.p4.includes(image))
    : (nodes.filter((n) => shows(n) === text).pop() ?? nodes.filter((n) => shows(n).includes(text)).pop())
}

/**
 * Until `text` shows, for at most `maxMs`: a page may draw what is tapped after a quiet gap longer
 * than settle's (a request its effect starts late on a loaded machine). Never showing still fails
 * in tap(), in words.
 */
async function waitForShowing(text, maxMs = 10000) {
  const start = Date.now()
  while (!findShowing(text) && Date.now() - start < maxMs) await new Promise((r) => setTimeout(r, 50))
}

/**
 * Finds the element whose subtree shows `text` and taps it the way WeChat's event bridge does;
 * `image:PART` taps the <image> whose src contains PART (a picture shows no words).
 */
function tap(instance, text) {
  const match = findShowing(text)
  if (!match) throw new Error(`nothing shows "${text}"`)
  // As the template renders it: id="{{i.uid||i.sid}}" data-sid="{{i.sid}}".
  const id = match.uid || match.sid
  const target = { id, dataset: { sid: match.sid } }
  const send = (type, detail = {}) => instance.eh({ type, timeStamp: Date.now(), target, currentTarget: target, detail, touches: [], changedTouches: [] })
  // A <button open-type>: WeChat acts on the tap itself, then tells the page (p11 is Taro's slot for open-type).
  const openType = typeof match.p11 === 'string' ? match.p11 : ''
  const opened = openType ? standin.openTypeTap(openType, id) : { type: null, detail: {} }
  if (opened) {
    send('tap')
    if (opened.type) send(opened.type, opened.detail)
  }
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
    await waitForShowing(text)
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
      calls,
      refused,
      savedImages,
      previews,
      privacyPrompts,
      authSetting,
    }) + '\n',
  )
  process.exit(0)
}

process.on('unhandledRejection', (e) => errors.push(String(e?.stack || e)))
process.on('uncaughtException', (e) => errors.push(String(e?.stack || e)))
main().catch((e) => {
  process.stdout.write(JSON.stringify({ fatal: String(e?.stack || e), texts: textsOf(), requests, errors, calls, refused }) + '\n')
  process.exit(1)
})
