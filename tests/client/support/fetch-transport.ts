/** The HTTP client's transport over Node's fetch, with Taro.request's contract (resolve any status). */
import type { Transport } from '../../../src/services/http'

export const fetchTransport: Transport = async (req) => {
  const response = await fetch(req.url, {
    method: req.method,
    headers: req.header,
    body: req.data === undefined ? undefined : JSON.stringify(req.data),
    signal: AbortSignal.timeout(req.timeout),
  })
  const text = await response.text()
  let data: unknown = text
  try {
    data = text ? JSON.parse(text) : ''
  } catch {
    // not JSON: keep the text
  }
  return { statusCode: response.status, data }
}
