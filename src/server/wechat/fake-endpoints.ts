/**
 * The fake WeChat's four endpoints, as pure functions of the request and the fake's memory. Each
 * answers like WeChat does: HTTP 200 and JSON `{ errcode, errmsg }` on any error.
 */
import type { FakeAccounts } from './fake-accounts'
import { checkTemplateData } from './fake-template-data'
import { renderWxaCodePng } from './fake-wxacode'

export type FakeReply = { json: Record<string, unknown> } | { png: Uint8Array }

export interface FakeEndpointConfig {
  appid: string
  secret: string
  /** When set, only these template ids exist (else 40037); otherwise any non-empty id is accepted. */
  templates?: ReadonlySet<string>
  /** When set, only these mini-program pages exist (else 41030). */
  pages?: ReadonlySet<string>
  /** Force refreshes of stable_token allowed per rolling minute before 45009. */
  forceRefreshPerMinute: number
  now: () => number
}

export interface FakeSentMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  msgid: number
}

const fail = (errcode: number, errmsg: string): FakeReply => ({ json: { errcode, errmsg } })
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function tokenFault(accounts: FakeAccounts, token: string | undefined): FakeReply | null {
  switch (accounts.checkToken(token)) {
    case 'missing':
      return fail(41001, 'access_token missing')
    case 'invalid':
      return fail(40001, 'invalid credential, access_token is invalid or not latest')
    case 'expired':
      return fail(42001, 'access_token expired')
    default:
      return null
  }
}

function pageFault(config: FakeEndpointConfig, page: string): FakeReply | null {
  if (page.startsWith('/')) return fail(41030, 'invalid page rid: page must not start with /')
  const path = page.split('?')[0]
  if (config.pages && !config.pages.has(path)) return fail(41030, `invalid page rid: ${path} does not exist`)
  return null
}

export function createFakeEndpoints(accounts: FakeAccounts, config: FakeEndpointConfig) {
  const sentMessages: FakeSentMessage[] = []
  const forceRefreshTimes: number[] = []
  let nextMsgid = 1_000_000
  let recordMessages = true

  return {
    sentMessages,
    set recordMessages(on: boolean) {
      recordMessages = on
    },
    get sentCount() {
      return nextMsgid - 1_000_000
    },

    jscode2session(query: URLSearchParams): FakeReply {
      if (query.get('appid') !== config.appid) return fail(40013, 'invalid appid')
      if (query.get('secret') !== config.secret) return fail(40125, 'invalid appsecret')
      if (query.get('grant_type') !== 'authorization_code') return fail(40002, 'invalid grant_type')
      const code = query.get('js_code')
      if (!code) return fail(41008, 'missing code')
      const owner = accounts.redeemLoginCode(code)
      if (!owner) return fail(40029, 'invalid code')
      const json: Record<string, unknown> = { openid: owner.openid, session_key: Buffer.from(code).toString('base64') }
      if (owner.unionid) json.unionid = owner.unionid
      return { json }
    },

    stableToken(body: Record<string, unknown>): FakeReply {
      if (body.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type')
      if (body.appid !== config.appid) return fail(40013, 'invalid appid')
      if (body.secret !== config.secret) return fail(40125, 'invalid appsecret')
      const force = body.force_refresh === true
      if (force) {
        const now = config.now()
        while (forceRefreshTimes.length > 0 && forceRefreshTimes[0] <= now - 60_000) forceRefreshTimes.shift()
        if (forceRefreshTimes.length >= config.forceRefreshPerMinute) return fail(45009, 'reach max api minute quota limit: force_refresh too frequent')
        forceRefreshTimes.push(now)
      }
      const issued = accounts.stableToken(force)
      return { json: { access_token: issued.token, expires_in: Math.max(0, Math.floor((issued.expiresAt - config.now()) / 1000)) } }
    },

    subscribeSend(query: URLSearchParams, body: Record<string, unknown>): FakeReply {
      const tokenProblem = tokenFault(accounts, query.get('access_token') ?? undefined)
      if (tokenProblem) return tokenProblem
      const touser = str(body.touser)
      if (!touser || !accounts.isKnownOpenid(touser)) return fail(40003, 'invalid openid')
      const templateId = str(body.template_id)
      if (!templateId || (config.templates && !config.templates.has(templateId))) return fail(40037, 'invalid template_id')
      const page = str(body.page)
      if (body.page !== undefined && page === undefined) return fail(41030, 'invalid page rid')
      const badPage = page ? pageFault(config, page) : null
      if (badPage) return badPage
      const dataProblem = checkTemplateData(body.data)
      if (dataProblem) return fail(47003, `argument invalid! data.${dataProblem}`)
      if (!accounts.consumeCredit(touser, templateId)) return fail(43101, 'user refuse to accept the msg')
      const msgid = nextMsgid++
      if (recordMessages) {
        sentMessages.push({ touser, template_id: templateId, page, data: body.data as FakeSentMessage['data'], msgid })
      }
      return { json: { errcode: 0, errmsg: 'ok', msgid } }
    },

    getwxacodeunlimit(query: URLSearchParams, body: Record<string, unknown>): FakeReply {
      const tokenProblem = tokenFault(accounts, query.get('access_token') ?? undefined)
      if (tokenProblem) return tokenProblem
      const scene = str(body.scene)
      // Documented: ≤ 32 visible characters from digits, letters and !#$&'()*+,/:;=?@-._~
      if (!scene || scene.length > 32 || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/.test(scene)) {
        return fail(40169, 'invalid length for scene, or the data is not json string')
      }
      const page = str(body.page) ?? 'pages/index/index'
      const badPage = pageFault(config, page)
      if (badPage) return badPage
      const width = typeof body.width === 'number' ? Math.min(1280, Math.max(280, Math.round(body.width))) : 430
      return { png: renderWxaCodePng(scene, page, width) }
    },
  }
}
