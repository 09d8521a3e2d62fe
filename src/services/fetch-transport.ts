/**
 * The H5 client's transport: the browser's own fetch. Taro.request's H5 form carries fetch,
 * AbortController and JSONP polyfills the H5 browsers (package.json browserslist "h5") do not need,
 * about 8 KB of the first view's compressed script. Same contract as ./taro-transport.ts: resolves
 * with any HTTP answer, rejects only when none came (a timeout says so in its message).
 */
import type { Transport } from './http'
import { takeBootData } from './boot-data'

export const fetchTransport: Transport = async (req) => {
  // The page's HTML already holds this answer; asking again would only cost the member time.
  const preloaded = req.method === 'GET' ? takeBootData(req.url) : null
  if (preloaded) return { statusCode: 200, data: preloaded.data }
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), req.timeout)
  try {
    const response = await fetch(req.url, {
      method: req.method,
      headers: req.header,
      body: req.data === undefined ? undefined : JSON.stringify(req.data),
      signal: abort.signal,
    })
    const text = await response.text()
    let data: unknown = text
    try {
      data = text ? JSON.parse(text) : ''
    } catch {
      // Not JSON (a proxy's error page): the text, as Taro.request gives it.
    }
    return { statusCode: response.status, data }
  } catch (error) {
    if (abort.signal.aborted) throw new Error(`request:fail timeout after ${req.timeout} ms`)
    throw error
  } finally {
    clearTimeout(timer)
  }
}
