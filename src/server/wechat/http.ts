/**
 * One WeChat HTTP call: sends, and turns every way it can fail into a WechatError, so callers deal
 * with one kind of error. Transport failures (connection reset, timeout, HTTP 5xx, a body that is not
 * WeChat's JSON) are errcode -2; WeChat's own refusals keep their errcode.
 */
import { WechatError } from './api'

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export interface WechatHttp {
  getJson(endpoint: string, path: string, query: Record<string, string>): Promise<Record<string, unknown>>
  postJson(endpoint: string, path: string, query: Record<string, string>, body: unknown): Promise<Record<string, unknown>>
  /** POST that answers either an image (resolved as bytes) or WeChat's JSON error. */
  postForImage(endpoint: string, path: string, query: Record<string, string>, body: unknown): Promise<Uint8Array>
}

export const TRANSPORT_ERRCODE = -2

function checkErrcode(endpoint: string, json: Record<string, unknown>): Record<string, unknown> {
  const errcode = typeof json.errcode === 'number' ? json.errcode : 0
  if (errcode !== 0) throw new WechatError(errcode, String(json.errmsg ?? ''), endpoint)
  return json
}

export function createWechatHttp(baseUrl: string, fetchImpl: FetchLike, timeoutMs: number): WechatHttp {
  const base = baseUrl.replace(/\/+$/, '')

  async function request(endpoint: string, path: string, query: Record<string, string>, body?: unknown): Promise<Response> {
    const url = `${base}${path}${Object.keys(query).length ? '?' + new URLSearchParams(query).toString() : ''}`
    let response: Response
    try {
      response = await fetchImpl(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message
      throw new WechatError(TRANSPORT_ERRCODE, `network error: ${(err as Error).message}${cause ? ` (${cause})` : ''}`, endpoint)
    }
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined)
      throw new WechatError(TRANSPORT_ERRCODE, `HTTP ${response.status} from WeChat`, endpoint)
    }
    return response
  }

  async function readJson(endpoint: string, response: Response): Promise<Record<string, unknown>> {
    let text: string
    try {
      text = await response.text()
    } catch (err) {
      throw new WechatError(TRANSPORT_ERRCODE, `network error while reading: ${(err as Error).message}`, endpoint)
    }
    try {
      const json = JSON.parse(text)
      if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>
    } catch {
      // fall through: not JSON
    }
    throw new WechatError(TRANSPORT_ERRCODE, `answer is not WeChat JSON: ${text.slice(0, 80)}`, endpoint)
  }

  return {
    async getJson(endpoint, path, query) {
      return checkErrcode(endpoint, await readJson(endpoint, await request(endpoint, path, query)))
    },
    async postJson(endpoint, path, query, body) {
      return checkErrcode(endpoint, await readJson(endpoint, await request(endpoint, path, query, body)))
    },
    async postForImage(endpoint, path, query, body) {
      const response = await request(endpoint, path, query, body)
      if ((response.headers.get('content-type') ?? '').startsWith('image/')) {
        try {
          return new Uint8Array(await response.arrayBuffer())
        } catch (err) {
          throw new WechatError(TRANSPORT_ERRCODE, `network error while reading: ${(err as Error).message}`, endpoint)
        }
      }
      checkErrcode(endpoint, await readJson(endpoint, response))
      throw new WechatError(TRANSPORT_ERRCODE, 'answer is neither an image nor an error', endpoint)
    },
  }
}
