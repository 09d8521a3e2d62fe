/**
 * What the backend needs of WeChat's server API (see shared contract in the README's WeChat
 * section). The real client (./client.ts) talks HTTP to WECHAT_API_BASE; tests point that base URL
 * at the local fake (./fake-server.ts). Nothing else in the code knows which one it is talking to.
 */

/** WeChat answered with a non-zero errcode (or the call failed in transport: errcode -2). */
export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly endpoint: string,
  ) {
    super(`WeChat ${endpoint} answered ${errcode}: ${errmsg}`)
    this.name = 'WechatError'
  }
}

export interface SessionInfo {
  openid: string
  unionid?: string
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** Mini-program page with query, no leading slash: pages/issue/index?id=42 */
  page: string
  data: Record<string, { value: string }>
  miniprogramState?: 'developer' | 'trial' | 'formal'
}

export interface WxaCodeRequest {
  /** ≤ 32 visible characters */
  scene: string
  /** No leading slash: pages/article/index */
  page: string
  width?: number
  checkPath?: boolean
  envVersion?: 'release' | 'trial' | 'develop'
}

export interface WechatApi {
  /** /sns/jscode2session: a mini-program login code → the member's openid. Never exposes session_key. */
  code2Session(code: string): Promise<SessionInfo>
  /** /cgi-bin/message/subscribe/send, with the cached stable access token; refreshes once on 40001/42001/40014. Resolves to msgid. */
  sendSubscribeMessage(message: SubscribeMessage): Promise<number>
  /** /wxa/getwxacodeunlimit → PNG bytes. */
  getUnlimitedWxaCode(request: WxaCodeRequest): Promise<Uint8Array>
}
