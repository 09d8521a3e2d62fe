/**
 * H5: the reading pages' code (home, an issue, an article) fetched and run once the first page
 * shows and the phone is idle, so the tap that opens one does not wait on its scripts: each page a
 * few requests (through the service worker, or a slow network) and scripts to run, some hundred
 * milliseconds on a cheap phone. The same chunks the router asks for, so nothing loads twice.
 */
const READING_PAGES = [() => import('./pages/index/index'), () => import('./pages/issue/index'), () => import('./pages/article/index')]

export function warmReadingPages(): void {
  if (typeof window === 'undefined') return
  // One page at a time, each in an idle moment of its own, so a tap meanwhile waits on little.
  const warm = (next: number) => {
    if (next === READING_PAGES.length) return
    // Offline with a file missing from the service worker: the page's own tap will say so, not this.
    void READING_PAGES[next]()
      .catch(() => undefined)
      .then(() => whenIdle(() => warm(next + 1)))
  }
  afterFirstPage(() => whenIdle(() => warm(0)))
}

// Safari has no requestIdleCallback.
const whenIdle = (then: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(then, { timeout: 5000 }) : setTimeout(then, 1000))

/** Once the server's page (#boot-shell, src/index.html) has made way for the app's first page with its content. */
function afterFirstPage(then: () => void) {
  const shell = document.getElementById('boot-shell')
  if (!shell?.parentNode) return then()
  new MutationObserver((_, observer) => {
    if (shell.isConnected) return
    observer.disconnect()
    then()
  }).observe(shell.parentNode, { childList: true })
}
