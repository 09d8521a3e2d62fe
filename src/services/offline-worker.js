/*
 * The H5 client's service worker (copied to dist/h5/sw.js): keeps the app's own files so a member
 * who opened the site once can open it again with no network. Content (issues, articles,
 * favourites) is the app's business, kept in its own storage; /api is never touched here, except
 * for the pictures of issues saved with 保存本期 (see below).
 * Scripts and styles carry a content hash in their names, so a cached copy is always the right one.
 */
const SHELL = 'ub-shell-v1'
/** Filled by the page (services/kept-pictures.ts, same name), never by this worker. */
const PICTURES = 'ub-pictures-v1'

self.addEventListener('install', (event) => {
  self.skipWaiting()
  // The page and every script/style of this build (listed by the build in sw-assets.json), so pages
  // not yet visited open offline too.
  event.waitUntil(
    caches
      .open(SHELL)
      .then(async (cache) => {
        await cache.add('/')
        const files = await fetch('/sw-assets.json').then((r) => r.json())
        await cache.addAll(files)
      })
      .catch(() => undefined),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method === 'GET' && url.origin === self.location.origin && url.pathname.includes('/api/media/')) {
    event.respondWith(picture(request))
    return
  }
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return

  if (request.mode === 'navigate' || url.pathname === '/' || url.pathname.endsWith('.html')) {
    // The page itself: fresh when online (new deploys), the kept copy when not.
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Only home's first page is kept: an article's page holds that article's text and data,
          // and /?cursor= an older page of issues.
          if (response.ok && url.pathname === '/' && !url.search) {
            const copy = response.clone()
            caches.open(SHELL).then((cache) => cache.put('/', copy))
          }
          return response
        })
        .catch(() => caches.match('/').then((hit) => hit || Response.error())),
    )
    return
  }

  if (/^\/(js|chunk|css|static)\//.test(url.pathname)) {
    // Hashed files never change: the kept copy first, the network to fill the cache.
    event.respondWith(
      caches.open(SHELL).then(async (cache) => {
        const hit = await cache.match(request)
        if (hit) return hit
        const response = await fetch(request)
        if (response.ok) cache.put(request, response.clone())
        return response
      }),
    )
  }
})

/**
 * A picture: the copy kept by 保存本期 first (a picture's address never changes what it shows, so
 * a kept one is always right, and a weak network is not waited on); else the network; and with no
 * network, any kept width of the same picture (an enlarged one offline shows the reading copy).
 */
async function picture(request) {
  // Storage may be unavailable (quota, blocked): then the picture comes from the network as if
  // nothing were kept, never fails because of it.
  const kept = await caches.open(PICTURES).catch(() => null)
  const hit = kept && (await kept.match(request.url).catch(() => undefined))
  if (hit) return hit
  try {
    return await fetch(request)
  } catch (error) {
    const other = kept && (await kept.match(request.url, { ignoreSearch: true }).catch(() => undefined))
    if (other) return other
    throw error
  }
}
