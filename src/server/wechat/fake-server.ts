/**
 * A local stand-in for WeChat's server API (api.weixin.qq.com), for development without credentials
 * and for tests: a real HTTP server on 127.0.0.1 answering /sns/jscode2session, /cgi-bin/stable_token,
 * /cgi-bin/message/subscribe/send and /wxa/getwxacodeunlimit with WeChat's fields and error codes.
 * Tests drive it (issue login codes, grant subscribe credits, inject faults, expire tokens) and
 * inspect what it received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFakeAccounts } from './fake-accounts'
import { createFakeEndpoints, type FakeReply, type FakeSentMessage } from './fake-endpoints'

export type FakeEndpoint = 'jscode2session' | 'stable_token' | 'subscribe/send' | 'getwxacodeunlimit'
/** An errcode to answer with, or a transport fault: 'reset' closes the socket, 'http500' answers 500. */
export type FakeFault = number | 'reset' | 'http500'

const ROUTES: Record<string, FakeEndpoint | undefined> = {
  '/sns/jscode2session': 'jscode2session',
  '/cgi-bin/stable_token': 'stable_token',
  '/cgi-bin/message/subscribe/send': 'subscribe/send',
  '/wxa/getwxacodeunlimit': 'getwxacodeunlimit',
}

export interface FakeWechatOptions {
  port?: number
  appid?: string
  secret?: string
  /** Lifetime of issued access tokens (WeChat: 7200). */
  tokenTtlSeconds?: number
  /** Known template ids; default: any non-empty id. */
  templates?: string[]
  /** Known mini-program pages (path without query); default: any page without a leading '/'. */
  pages?: string[]
  /** Delay before every answer, for benchmarks of slow upstreams. */
  delayMs?: number
  /** Keep `requests` and `sentMessages` (default true); turn off for very large benchmarks. */
  record?: boolean
  /** stable_token force_refresh calls allowed per rolling minute (default 20). */
  forceRefreshPerMinute?: number
  /** The fake's clock (epoch ms), so tests can age login codes and tokens. Default Date.now. */
  now?: () => number
}

export interface FakeRequest {
  endpoint: FakeEndpoint | 'unknown'
  method: string
  path: string
  query: Record<string, string>
  body: unknown
}

export interface FakeWechat {
  baseUrl: string
  appid: string
  secret: string
  issueLoginCode(openid: string, opts?: { unionid?: string }): string
  grantSubscription(openid: string, templateId: string, count?: number): void
  creditsOf(openid: string, templateId: string): number
  injectFault(endpoint: FakeEndpoint, fault: FakeFault, times?: number): void
  /** Drops injected faults and a pending expireTokensAfterSends. */
  clearFaults(): void
  expireTokens(): void
  /** Expires every token right after the fake has accepted `count` more messages (a mid-run expiry at an exact point, not a timer's). */
  expireTokensAfterSends(count: number): void
  setDelay(ms: number): void
  readonly requests: FakeRequest[]
  readonly sentMessages: FakeSentMessage[]
  /** Messages accepted so far (counted even when `record` is off). */
  readonly sentCount: number
  /** Requests received per endpoint (counted even when `record` is off). */
  readonly counts: Record<FakeEndpoint | 'unknown', number>
  close(): Promise<void>
}

export type { FakeSentMessage }

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, reply: FakeReply) {
  if ('png' in reply) {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': reply.png.byteLength })
    res.end(reply.png)
    return
  }
  const text = JSON.stringify(reply.json)
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export async function startFakeWechat(opts: FakeWechatOptions = {}): Promise<FakeWechat> {
  const appid = opts.appid ?? 'wxfake0000000000'
  const secret = opts.secret ?? 'fake-secret'
  const accounts = createFakeAccounts(opts.tokenTtlSeconds ?? 7200, opts.now ?? Date.now)
  const endpoints = createFakeEndpoints(accounts, {
    appid,
    secret,
    templates: opts.templates ? new Set(opts.templates) : undefined,
    pages: opts.pages ? new Set(opts.pages) : undefined,
    forceRefreshPerMinute: opts.forceRefreshPerMinute ?? 20,
    now: opts.now ?? Date.now,
  })
  const record = opts.record ?? true
  endpoints.recordMessages = record
  let delayMs = opts.delayMs ?? 0
  const requests: FakeRequest[] = []
  const counts = { jscode2session: 0, stable_token: 0, 'subscribe/send': 0, getwxacodeunlimit: 0, unknown: 0 }
  const faults = new Map<FakeEndpoint, Array<{ fault: FakeFault; left: number }>>()
  let expireAtSentCount: number | null = null

  function takeFault(endpoint: FakeEndpoint): FakeFault | null {
    const queue = faults.get(endpoint)
    if (!queue || queue.length === 0) return null
    const head = queue[0]
    if (--head.left <= 0) queue.shift()
    return head.fault
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake')
    const endpoint = ROUTES[url.pathname] ?? 'unknown'
    const raw = req.method === 'POST' ? await readBody(req) : ''
    let body: Record<string, unknown> = {}
    let badJson = false
    if (raw) {
      try {
        body = JSON.parse(raw)
      } catch {
        badJson = true
      }
    }
    counts[endpoint]++
    if (record)
      requests.push({ endpoint, method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body: raw ? (badJson ? raw : body) : undefined })
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
    if (endpoint === 'unknown') return send(res, { json: { errcode: 40066, errmsg: 'invalid url' } })
    const fault = takeFault(endpoint)
    if (fault === 'reset') return void req.socket.destroy()
    if (fault === 'http500') {
      res.writeHead(500, { 'content-type': 'text/html' })
      return void res.end('<html><body>500 Internal Server Error</body></html>')
    }
    if (typeof fault === 'number') return send(res, { json: { errcode: fault, errmsg: `injected fault ${fault}` } })
    if (badJson) return send(res, { json: { errcode: 47001, errmsg: 'data format error' } })
    switch (endpoint) {
      case 'jscode2session':
        return send(res, endpoints.jscode2session(url.searchParams))
      case 'stable_token':
        return send(res, endpoints.stableToken(body))
      case 'subscribe/send': {
        const reply = endpoints.subscribeSend(url.searchParams, body)
        if (expireAtSentCount !== null && endpoints.sentCount >= expireAtSentCount) {
          expireAtSentCount = null
          accounts.expireTokens()
        }
        return send(res, reply)
      }
      case 'getwxacodeunlimit':
        return send(res, endpoints.getwxacodeunlimit(url.searchParams, body))
    }
  }

  const server = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, { json: { errcode: -1, errmsg: `system error: ${(err as Error).message}` } })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appid,
    secret,
    issueLoginCode: (openid, o) => accounts.issueLoginCode(openid, o?.unionid),
    grantSubscription: (openid, templateId, count = 1) => accounts.grantSubscription(openid, templateId, count),
    creditsOf: (openid, templateId) => accounts.creditsOf(openid, templateId),
    injectFault(endpoint, fault, times = 1) {
      if (!(Object.values(ROUTES) as string[]).includes(endpoint)) throw new Error(`unknown fake WeChat endpoint ${endpoint}`)
      const queue = faults.get(endpoint) ?? []
      queue.push({ fault, left: times })
      faults.set(endpoint, queue)
    },
    clearFaults() {
      faults.clear()
      expireAtSentCount = null
    },
    expireTokens: () => accounts.expireTokens(),
    expireTokensAfterSends(count) {
      expireAtSentCount = endpoints.sentCount + count
    },
    setDelay(ms) {
      delayMs = ms
    },
    requests,
    sentMessages: endpoints.sentMessages,
    get sentCount() {
      return endpoints.sentCount
    },
    counts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
