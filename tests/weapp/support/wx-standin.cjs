/*
 * The strict \`wx\` stand-in, for the booted pages (boot-page.cjs, plain Node) and the rendered ones
 * (render-page.ts, miniprogram-simulate in jsdom): only the APIs listed here exist; request and
 * downloadFile are checked against the domain list, then served by the test server standing in for
 * that domain; storage on a Map; iOS or Android device and font settings; the privacy-guide check
 * (errno 104 and 112) with the popup's agree button; the album permission and WeChat's settings page;
 * Moments' single-page mode (scene 1154) refusing what WeChat bars there; the file system manager's
 * few calls 保存本期 makes, on a Map of files under wx.env.USER_DATA_PATH. Everything it saw is in the
 * returned state, for the test to read.
 */
const USER_DATA_PATH = 'wxfile://usr'

function createWx(spec) {
  const SINGLE_PAGE = spec.scene === 1154
  // Moments' single-page mode keeps its own storage, apart from the mini-program's.
  const storage = new Map(SINGLE_PAGE ? [] : Object.entries(spec.storage || {}))
  const navigations = []
  const requests = []
  const errors = []
  const subscribeCalls = []
  const toasts = []
  /** Every wx API the app called, by name, in order. */
  const calls = []
  /** What WeChat would have refused: URLs outside the domain list, APIs barred in single-page mode. */
  const refused = []
  const savedImages = []
  /** Files the app keeps (FileSystemManager), by path under USER_DATA_PATH. */
  const files = new Map()
  /** Each previewImage call: the picture shown first and the ones to swipe through. */
  const previews = []
  const privacyPrompts = []
  const activity = { pending: 0, last: Date.now() }
  const touch = () => {
    activity.last = Date.now()
  }

  // The request and downloadFile 合法域名 (https origins, from the test build configuration). A URL
  // outside them fails as on a phone; one inside goes to the test server standing in for that domain.
  const domains = spec.domains || []
  const platform = spec.platform || 'ios'
  const standardFontPx = platform === 'android' ? 16 : 17
  const fontSizeSetting = spec.fontSizeSetting || standardFontPx
  const privacy = { declared: new Set(spec.privacyDeclared || ['album']), agreed: Boolean(spec.privacyAgreed), agreeButtonsTapped: new Set(), listener: null }
  // scope.writePhotosAlbum: undefined (not asked yet), true or false; what the member answers when asked.
  const authSetting = { ...(spec.authSetting || {}) }

  /** Answers a callback-style wx API: success + complete, or fail + complete. */
  function answer(opts, ok, result) {
    const res = { errMsg: ok ? 'ok' : 'fail', ...result }
    setTimeout(() => {
      if (ok) opts?.success?.(res)
      else opts?.fail?.(res)
      opts?.complete?.(res)
      touch()
    }, 0)
  }

  function routed(name, url) {
    let target
    try {
      target = new URL(url)
    } catch {
      return { refusal: `${name}:fail invalid url "${url}"` }
    }
    if (!domains.includes(target.origin)) {
      refused.push(`${name} ${url}: not in the domain list ${JSON.stringify(domains)}`)
      return { refusal: `${name}:fail url not in domain list` }
    }
    return { target, url: spec.api + target.pathname + target.search }
  }

  /** APIs WeChat bars in Moments' single-page mode (scene 1154): they fail, and the test hears of it. */
  const BARRED_IN_SINGLE_PAGE = new Set([
    'login',
    'navigateTo',
    'redirectTo',
    'reLaunch',
    'switchTab',
    'navigateBack',
    'saveImageToPhotosAlbum',
    'requestSubscribeMessage',
    'openSetting',
  ])

  /** APIs that need an entry in the 用户隐私保护指引, by the entry. */
  const PRIVACY_ENTRY = { saveImageToPhotosAlbum: 'album', setClipboardData: 'clipboard', getClipboardData: 'clipboard' }

  /**
   * WeChat's privacy check before an API that needs it: errno 112 when the guide does not declare it;
   * when the member has not agreed yet, the app's onNeedPrivacyAuthorization listener is asked and the
   * call waits for its resolve (agree needs the id of an agreePrivacyAuthorization button the member
   * tapped); disagree, or no listener, fails with errno 104.
   */
  function privacyGate(name, opts, proceed) {
    const entry = PRIVACY_ENTRY[name]
    if (!entry) return proceed()
    if (!privacy.declared.has(entry)) return answer(opts, false, { errno: 112, errMsg: `${name}:fail api scope is not declared in the privacy agreement` })
    if (privacy.agreed) return proceed()
    const notAgreed = () => answer(opts, false, { errno: 104, errMsg: `${name}:fail privacy permission is not authorized` })
    if (!privacy.listener) return notAgreed()
    let settled = false
    privacyPrompts.push(name)
    privacy.listener(
      (reply) => {
        if (settled || !reply || reply.event === 'exposureAuthorization') return
        settled = true
        if (reply.event === 'agree') {
          if (!privacy.agreeButtonsTapped.has(reply.buttonId)) {
            errors.push(`resolve({ event: 'agree', buttonId: ${JSON.stringify(reply.buttonId)} }) without a tap on that agreePrivacyAuthorization button`)
            return notAgreed()
          }
          privacy.agreed = true
          return proceed()
        }
        notAgreed()
      },
      { referrer: name },
    )
  }

  const api = {
    previewImage(opts) {
      // WeChat's viewer takes network addresses (no domain list applies) and the app's own files
      // (wxfile://), and shows `current` first.
      if (!Array.isArray(opts.urls) || opts.urls.length === 0 || !opts.urls.every((u) => /^(https?|wxfile):\/\//.test(u))) {
        return answer(opts, false, { errMsg: 'previewImage:fail parameter error: urls' })
      }
      previews.push({ current: opts.current, urls: opts.urls })
      answer(opts, true, { errMsg: 'previewImage:ok' })
    },
    request(opts) {
      const method = (opts.method || 'GET').toUpperCase()
      const route = routed('request', opts.url)
      if (route.refusal) {
        answer(opts, false, { errno: 600002, errMsg: route.refusal })
        return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
      }
      const headers = { ...(opts.header || {}) }
      let body
      if (opts.data !== undefined && method !== 'GET') {
        body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data)
        headers['content-type'] = headers['content-type'] || 'application/json'
      }
      activity.pending++
      requests.push(method + ' ' + route.target.pathname + route.target.search)
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), opts.timeout || 10000)
      fetch(route.url, { method, headers, body, signal: controller.signal })
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
        .catch((e) => answer(opts, false, { errno: 600001, errMsg: 'request:fail ' + e.message }))
        .finally(() => {
          clearTimeout(timer)
          activity.pending--
          touch()
        })
      return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} }
    },
    downloadFile(opts) {
      const route = routed('downloadFile', opts.url)
      if (route.refusal) {
        answer(opts, false, { errno: 600002, errMsg: route.refusal })
        return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} }
      }
      activity.pending++
      requests.push('DOWNLOAD ' + route.target.pathname + route.target.search)
      fetch(route.url)
        .then(async (r) => {
          const bytes = Buffer.from(await r.arrayBuffer())
          const tempFilePath = `wxfile://tmp_${requests.length}.png`
          downloads.set(tempFilePath, bytes)
          answer(opts, true, { statusCode: r.status, tempFilePath })
        })
        .catch((e) => answer(opts, false, { errno: 600001, errMsg: 'downloadFile:fail ' + e.message }))
        .finally(() => {
          activity.pending--
          touch()
        })
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} }
    },
    // The calls 保存本期 makes. saveFile moves a download's temporary file, as WeChat does.
    getFileSystemManager: () => ({
      saveFile(opts) {
        if (!downloads.has(opts.tempFilePath)) return answer(opts, false, { errMsg: 'saveFile:fail no such file or directory ' + opts.tempFilePath })
        if (!String(opts.filePath).startsWith(USER_DATA_PATH + '/')) return answer(opts, false, { errMsg: 'saveFile:fail permission denied, open ' + opts.filePath })
        files.set(opts.filePath, downloads.get(opts.tempFilePath))
        downloads.delete(opts.tempFilePath)
        answer(opts, true, { savedFilePath: opts.filePath })
      },
      unlink(opts) {
        if (!files.delete(opts.filePath)) return answer(opts, false, { errMsg: 'unlink:fail no such file or directory ' + opts.filePath })
        answer(opts, true, {})
      },
      mkdir(opts) {
        answer(opts, true, {})
      },
      accessSync(path) {
        if (!files.has(path)) throw new Error('accessSync:fail no such file or directory ' + path)
      },
    }),
    saveImageToPhotosAlbum(opts) {
      privacyGate('saveImageToPhotosAlbum', opts, () => {
        if (!downloads.has(opts.filePath)) return answer(opts, false, { errMsg: 'saveImageToPhotosAlbum:fail file not found' })
        if (authSetting['scope.writePhotosAlbum'] === undefined) authSetting['scope.writePhotosAlbum'] = spec.albumAnswer !== 'deny'
        if (!authSetting['scope.writePhotosAlbum']) return answer(opts, false, { errno: 103, errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
        savedImages.push({ bytes: downloads.get(opts.filePath).length })
        answer(opts, true, { errMsg: 'saveImageToPhotosAlbum:ok' })
      })
    },
    setClipboardData(opts) {
      privacyGate('setClipboardData', opts, () => answer(opts, true, {}))
    },
    onNeedPrivacyAuthorization(listener) {
      privacy.listener = listener
    },
    openPrivacyContract: (opts) => answer(opts, true, {}),
    getSetting: (opts) => answer(opts, true, { authSetting: { ...authSetting } }),
    openSetting: (opts) => answer(opts, false, { errMsg: 'openSetting:fail can only be invoked by user TAP gesture.' }),
    getStorageSync: (key) => (storage.has(key) ? JSON.parse(storage.get(key)) : ''),
    setStorageSync: (key, value) => void storage.set(key, JSON.stringify(value)),
    removeStorageSync: (key) => void storage.delete(key),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    // Deprecated (getAppBaseInfo, getDeviceInfo, getWindowInfo replace it); Taro's runtime still reads it.
    getSystemInfoSync: () => ({ ...deviceInfo(), ...windowInfo(), ...appBaseInfo() }),
    getAppBaseInfo: () => appBaseInfo(),
    getDeviceInfo: () => deviceInfo(),
    getWindowInfo: () => windowInfo(),
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
    navigateBack: (opts) => answer(opts, true, {}),
    switchTab: (opts) => answer(opts, false, { errMsg: 'switchTab:fail the app has no tabBar' }),
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
    getNetworkType: (opts) => answer(opts, true, { networkType: spec.networkType || 'wifi' }),
    onNetworkStatusChange() {},
    offNetworkStatusChange() {},
    onAppShow() {},
    onAppHide() {},
    offAppShow() {},
    offAppHide() {},
    canIUse: () => true,
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: spec.envVersion || 'release', version: '' } }),
  }
  // Page chrome the app calls: they succeed quietly.
  for (const name of ['setNavigationBarTitle', 'setNavigationBarColor', 'stopPullDownRefresh', 'pageScrollTo', 'showLoading', 'hideLoading', 'hideToast', 'showShareMenu']) {
    api[name] = (opts) => answer(opts, true, {})
  }
  const downloads = new Map()

  function appBaseInfo() {
    return {
      SDKVersion: '3.4.0',
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
      fontSizeSetting,
      // 1 at the platform's standard size (Android 16 px, iOS 17 px).
      fontSizeScaleFactor: spec.fontScale || Math.round((fontSizeSetting / standardFontPx) * 100) / 100,
    }
  }
  function deviceInfo() {
    return platform === 'android'
      ? { brand: 'HUAWEI', model: 'ELS-AN00', system: 'Android 12', platform: 'android', pixelRatio: 3 }
      : { brand: 'iPhone', model: 'iPhone 14', system: 'iOS 17.5', platform: 'ios', pixelRatio: 3 }
  }
  function windowInfo() {
    return {
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 844,
      statusBarHeight: 47,
      pixelRatio: 3,
      safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 },
    }
  }

  // The strict stand-in: only the APIs above exist (Taro copies wx's own keys, so Taro.x of any other
  // is undefined and calling it throws, as on a base library without it). Each call is recorded;
  // barred ones fail in single-page mode.
  const wxTarget = { env: { USER_DATA_PATH } }
  for (const [name, impl] of Object.entries(api)) {
    wxTarget[name] = (...args) => {
      calls.push(name)
      if (SINGLE_PAGE && BARRED_IN_SINGLE_PAGE.has(name)) {
        refused.push(`${name} in single-page mode (scene 1154)`)
        return answer(args[0], false, { errMsg: `${name}:fail not supported in single page mode` })
      }
      return impl(...args)
    }
  }

  return {
    wx: wxTarget,
    activity,
    touch,
    state: { storage, navigations, requests, errors, subscribeCalls, toasts, calls, refused, savedImages, previews, privacyPrompts, authSetting, files },
    singlePage: SINGLE_PAGE,
    /** A tap on a <button open-type>, as WeChat handles it before the page hears of it. */
    openTypeTap(openType, id) {
      if (SINGLE_PAGE) {
        refused.push(`button open-type="${openType}" in single-page mode (scene 1154)`)
        toasts.push('请前往小程序使用完整服务')
        return null
      }
      if (openType === 'agreePrivacyAuthorization') {
        privacy.agreeButtonsTapped.add(id)
        return { type: 'agreeprivacyauthorization', detail: {} }
      }
      if (openType === 'openSetting') {
        // The member opens WeChat's settings page and turns the album on (spec.settingsAllow) or not.
        if (spec.settingsAllow) authSetting['scope.writePhotosAlbum'] = true
        return { type: 'opensetting', detail: { authSetting: { ...authSetting } } }
      }
      return { type: null, detail: {} }
    },
  }
}

module.exports = { createWx }
