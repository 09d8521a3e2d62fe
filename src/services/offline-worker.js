/*
 * The H5 client's service worker (copied to dist/h5/sw.js): keeps the app's own files so a member
 * who opened the site once can open it again with no network. Content (issues, articles,
 * favourites) is the app's business, kept in its own storage; /api is never touched here.
 * Scripts and styles carry a content hash in their names, so a cached copy is always the right one.
 */
const SHELL = 'ub-shell-v1'

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
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return

  if (request.mode === 'navigate' || url.pathname === '/' || url.pathname.endsWith('.html')) {
    // The page itself: fresh when online (new deploys), the kept copy when not.
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Only home's page is kept: an article's page holds that article's text and data.
          if (response.ok && url.pathname === '/') {
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
