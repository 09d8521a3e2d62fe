/**
 * The one place that calls the backend. The transport (Taro.request in the app, fetch in tests) is
 * passed in, so the same retry, timeout and error rules run everywhere.
 */
import type { ApiErrorBody } from '../core/api'

export interface TransportRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  data?: unknown
  header: Record<string, string>
  timeout: number
}

export interface TransportResponse {
  statusCode: number
  data: unknown
}

/** Resolves with any HTTP answer; rejects only when no answer came (network down, timeout). */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>

export type ApiErrorCode = 'network' | 'timeout' | 'http'

/** A failed call, as a value with a code the pages turn into words (see describeError). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly serverCode: string | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Worth trying again: no answer, or the server was busy/broken. A 4xx will not change. */
  get retryable(): boolean {
    return this.code !== 'http' || this.status === 429 || (this.status ?? 0) >= 500
  }
}

export interface HttpClientOptions {
  baseUrl: string
  transport: Transport
  /** Session token, when signed in. */
  getToken?: () => string | null
  timeoutMs?: number
  /** Extra attempts after the first for retryable failures. */
  retries?: number
  backoffMs?: number
  sleep?: (ms: number) => Promise<void>
  /**
   * A request that carried this token was answered 401 (the session was revoked or the server's
   * secret changed): sign in again and resolve to the new token, or null. The request is then sent
   * once more with it; without this, a revoked session would be kept until it expired.
   */
  renewToken?: (rejected: string) => Promise<string | null>
}

export interface RequestOptions {
  /**
   * Ask past any HTTP cache (the browser's, in H5): lists are served with max-age, so without this
   * a pull to refresh within that time shows the same list again, missing a just-published issue.
   */
  fresh?: boolean
}

export interface HttpClient {
  request<T>(method: TransportRequest['method'], path: string, body?: unknown, options?: RequestOptions): Promise<T>
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { baseUrl, transport, getToken = () => null, timeoutMs = 10000, retries = 2, backoffMs = 500, renewToken } = options
  const sleep = options.sleep ?? defaultSleep

  async function once<T>(method: TransportRequest['method'], path: string, body: unknown, options: RequestOptions, token: string | null): Promise<T> {
    const header: Record<string, string> = { accept: 'application/json' }
    if (options.fresh) header['cache-control'] = 'no-cache'
    if (body !== undefined) header['content-type'] = 'application/json'
    if (token) header.authorization = `Bearer ${token}`
    let response: TransportResponse
    try {
      response = await transport({ url: baseUrl + path, method, data: body, header, timeout: timeoutMs })
    } catch (cause) {
      const text = String((cause as { errMsg?: string; message?: string })?.errMsg ?? (cause as Error)?.message ?? cause)
      throw new ApiError(/timeout|timed out|abort/i.test(text) ? 'timeout' : 'network', text)
    }
    if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T
    const error = (parseJson(response.data) as Partial<ApiErrorBody> | null)?.error
    throw new ApiError('http', error?.message ?? `HTTP ${response.statusCode}`, response.statusCode, error?.code ?? null)
  }

  return {
    async request<T>(method: TransportRequest['method'], path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
      let token = getToken()
      let renewed = false
      for (let attempt = 0; ; attempt++) {
        try {
          return await once<T>(method, path, body, options, token)
        } catch (error) {
          if (error instanceof ApiError && error.status === 401 && token && renewToken && !renewed) {
            renewed = true
            const fresh = await renewToken(token)
            if (!fresh || fresh === token) throw error
            token = fresh
            attempt--
            continue
          }
          const retry = error instanceof ApiError && error.retryable && attempt < retries
          if (!retry) throw error
          // Exponential backoff with jitter, so many phones on a flaky cell don't retry in step.
          await sleep(backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5))
        }
      }
    },
  }
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}

/** No answer at all because there is no connection (not a slow one, not the server saying no). */
export function isNoNetwork(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'network'
}

/** Words for a member, not for a developer. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    // Not a network or server answer: a bug on our side. Leave a trace for whoever debugs it.
    console.warn('unexpected error', error)
    return '出了点问题，请稍后重试'
  }
  if (error.code === 'timeout') return '网络太慢，请求超时了。请稍后重试'
  if (error.code === 'network') return '连不上网络。请检查网络后重试'
  if (error.status === 404) return '没有找到这篇内容，可能已被撤下'
  if (error.status === 429) return '操作太频繁了，请稍等片刻再试'
  if ((error.status ?? 0) >= 500) return '服务器暂时出了问题，请稍后重试'
  return error.message
}
