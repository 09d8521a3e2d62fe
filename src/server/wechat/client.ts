/**
 * The real WeChat server-API client (WechatApi) over HTTP. Points at https://api.weixin.qq.com in
 * production and at the local fake (./fake-server.ts) in development and tests. Calls that need the
 * access token retry exactly once with a fresh token when WeChat says the token is bad; everything
 * else (-1 busy, 45009 quota, 43101 refused …) is the caller's decision, so it is thrown as is.
 */
import { WechatError, type SessionInfo, type SubscribeMessage, type WechatApi, type WxaCodeRequest } from './api'
import { createAccessTokens } from './access-token'
import { createWechatHttp, type FetchLike } from './http'
import { createNodeFetch } from './node-fetch'
import { createMemoryTokenCache, type TokenCache } from './token-cache'

export type { TokenCache, CachedToken } from './token-cache'
export { createMemoryTokenCache } from './token-cache'

/** The part of a pino logger the client uses. */
export interface WechatLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export interface WechatClientOptions {
  /** https://api.weixin.qq.com, or the fake's baseUrl. */
  baseUrl: string
  appid: string
  secret: string
  tokenCache?: TokenCache
  fetchImpl?: FetchLike
  logger?: WechatLogger
  /** Refresh the access token this many seconds before it expires (default 300). */
  refreshMarginSeconds?: number
  /** Per-call timeout (default 10 s). */
  timeoutMs?: number
  /** The clock the token's expiry is judged by (epoch ms), so tests can age a token. Default Date.now. */
  now?: () => number
}

let defaultFetch: FetchLike | null = null
/** One keep-alive pool per process, shared by every client. */
function sharedNodeFetch(): FetchLike {
  defaultFetch ??= createNodeFetch()
  return defaultFetch
}

/** WeChat's answers meaning "this access token is no good": refresh once and retry. */
const BAD_TOKEN = new Set([40001, 42001, 40014])

export function createWechatClient(opts: WechatClientOptions): WechatApi {
  // Keep-alive sockets (idle ones do not hold the process open), so a fan-out of many sends reuses
  // connections rather than opening one per message.
  const http = createWechatHttp(opts.baseUrl, opts.fetchImpl ?? sharedNodeFetch(), opts.timeoutMs ?? 10_000)
  const tokens = createAccessTokens({
    http,
    appid: opts.appid,
    secret: opts.secret,
    cache: opts.tokenCache ?? createMemoryTokenCache(),
    refreshMarginMs: (opts.refreshMarginSeconds ?? 300) * 1000,
    onRefresh: (force) => opts.logger?.info({ force }, 'fetching WeChat access token'),
    now: opts.now,
  })

  /** Runs `call` with the access token; on a bad-token answer, once more with a replaced token. */
  async function withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await tokens.current()
    try {
      return await call(token)
    } catch (err) {
      if (!(err instanceof WechatError) || !BAD_TOKEN.has(err.errcode)) throw err
      opts.logger?.warn({ errcode: err.errcode, endpoint: err.endpoint }, 'WeChat refused the access token; refreshing once')
      return call(await tokens.replace(token))
    }
  }

  return {
    async code2Session(code: string): Promise<SessionInfo> {
      const json = await http.getJson('jscode2session', '/sns/jscode2session', {
        appid: opts.appid,
        secret: opts.secret,
        js_code: code,
        grant_type: 'authorization_code',
      })
      if (typeof json.openid !== 'string' || json.openid === '') {
        throw new WechatError(-2, 'jscode2session answered without an openid', 'jscode2session')
      }
      // session_key stays here: nothing in the product needs it and it must never reach a client.
      return typeof json.unionid === 'string' ? { openid: json.openid, unionid: json.unionid } : { openid: json.openid }
    },

    async sendSubscribeMessage(message: SubscribeMessage): Promise<number> {
      const body = {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      }
      const json = await withToken((token) => http.postJson('subscribe/send', '/cgi-bin/message/subscribe/send', { access_token: token }, body))
      return Number(json.msgid)
    },

    async getUnlimitedWxaCode(request: WxaCodeRequest): Promise<Uint8Array> {
      const body = {
        scene: request.scene,
        page: request.page,
        check_path: request.checkPath ?? false,
        env_version: request.envVersion ?? 'release',
        width: request.width ?? 430,
      }
      return withToken((token) => http.postForImage('getwxacodeunlimit', '/wxa/getwxacodeunlimit', { access_token: token }, body))
    },
  }
}
