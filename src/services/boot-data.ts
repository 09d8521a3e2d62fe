/**
 * The API answer the server put in the page's HTML (#boot-data, src/server/http/page-html.ts): the
 * first request for that URL is answered from it instead of the network, once. Elsewhere (the
 * mini-program, tests) there is no document and nothing to take.
 */
let boot: { url: string; data: unknown } | null | undefined

export function takeBootData(url: string): { data: unknown } | null {
  if (boot === undefined) {
    boot = null
    try {
      const el = typeof document === 'undefined' ? null : document.getElementById('boot-data')
      if (el?.textContent) boot = JSON.parse(el.textContent) as { url: string; data: unknown }
    } catch {
      boot = null
    }
  }
  if (!boot || boot.url !== url) return null
  const { data } = boot
  boot = null
  return { data }
}
