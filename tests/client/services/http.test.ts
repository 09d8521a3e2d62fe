import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiError, createHttpClient, describeError } from '../../../src/services/http'
import { fetchTransport } from '../support/fetch-transport'

/** A real HTTP server whose answers a test scripts, one per request. */
function scriptedServer(answers: Array<(res: http.ServerResponse) => void>) {
  const seen: Array<{ method: string; url: string; auth: string | undefined; cacheControl: string | undefined; body: string }> = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, cacheControl: req.headers['cache-control'], body })
      const answer = answers.shift() ?? ((r) => r.writeHead(500).end())
      answer(res)
    })
  })
  return new Promise<{ base: string; seen: typeof seen; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        base: `http://127.0.0.1:${port}`,
        seen,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections()
            server.close(() => r())
          }),
      })
    }),
  )
}

const json = (status: number, body: unknown) => (res: http.ServerResponse) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))

const noSleep = async () => undefined

describe('HTTP client', () => {
  it('retries a 503 with backoff and returns the answer that finally came', async () => {
    const server = await scriptedServer([json(503, {}), json(502, {}), json(200, { ok: 1 })])
    const waits: number[] = []
    const client = createHttpClient({ baseUrl: server.base, transport: fetchTransport, retries: 2, backoffMs: 100, sleep: async (ms) => void waits.push(ms) })
    await expect(client.request('GET', '/api/x')).resolves.toEqual({ ok: 1 })
    expect(server.seen).toHaveLength(3)
    expect(waits).toHaveLength(2)
    expect(waits[1]).toBeGreaterThan(waits[0]) // grows
    await server.close()
  })

  it('does not retry a 4xx and reports the server error code and message', async () => {
    const server = await scriptedServer([json(404, { error: { code: 'not-found', message: 'no issue 9' } })])
    const client = createHttpClient({ baseUrl: server.base, transport: fetchTransport, sleep: noSleep })
    const error = await client.request('GET', '/api/issues/9').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'http', status: 404, serverCode: 'not-found', message: 'no issue 9' })
    expect(server.seen).toHaveLength(1)
    expect(describeError(error)).toContain('没有找到')
    await server.close()
  })

  it('times out a silent server, retries, then fails with a timeout error', async () => {
    const server = await scriptedServer([() => undefined, () => undefined])
    const client = createHttpClient({ baseUrl: server.base, transport: fetchTransport, timeoutMs: 200, retries: 1, sleep: noSleep })
    const error = await client.request('GET', '/slow').catch((e) => e)
    expect(error).toMatchObject({ code: 'timeout' })
    expect(server.seen).toHaveLength(2)
    expect(describeError(error)).toContain('超时')
    await server.close()
  })

  it('reports a refused connection as a network error', async () => {
    const server = await scriptedServer([])
    const base = server.base
    await server.close()
    const client = createHttpClient({ baseUrl: base, transport: fetchTransport, retries: 1, sleep: noSleep })
    const error = await client.request('GET', '/api/issues').catch((e) => e)
    expect(error).toMatchObject({ code: 'network' })
    expect(describeError(error)).toContain('网络')
  })

  it('sends the session token and a JSON body', async () => {
    const server = await scriptedServer([json(200, { token: 't' })])
    const client = createHttpClient({ baseUrl: server.base, transport: fetchTransport, getToken: () => 'abc' })
    await client.request('POST', '/api/auth/device', { deviceId: 'd1' })
    expect(server.seen[0]).toMatchObject({ method: 'POST', auth: 'Bearer abc', body: '{"deviceId":"d1"}' })
    await server.close()
  })

  it('asks past HTTP caches only when a fresh answer is wanted', async () => {
    const server = await scriptedServer([json(200, { items: [] }), json(200, { items: [] })])
    const client = createHttpClient({ baseUrl: server.base, transport: fetchTransport })
    await client.request('GET', '/api/issues')
    await client.request('GET', '/api/issues', undefined, { fresh: true })
    expect(server.seen.map((r) => r.cacheControl)).toEqual([undefined, 'no-cache'])
    await server.close()
  })
  it('a 401 for a token signs in again once and repeats the request with the new token', async () => {
    const server = await scriptedServer([json(401, { error: { code: 'unauthorized', message: 'session revoked' } }), json(200, { items: [] })])
    let token = 'revoked'
    const renewed: string[] = []
    const client = createHttpClient({
      baseUrl: server.base,
      transport: fetchTransport,
      getToken: () => token,
      sleep: noSleep,
      renewToken: async (rejected) => {
        renewed.push(rejected)
        return (token = 'fresh')
      },
    })
    expect(await client.request('GET', '/api/me/favourites')).toEqual({ items: [] })
    expect(renewed).toEqual(['revoked'])
    expect(server.seen.map((r) => r.auth)).toEqual(['Bearer revoked', 'Bearer fresh'])
    await server.close()
  })

  it('a 401 after signing in again, or without a token, is the answer', async () => {
    const server = await scriptedServer([json(401, {}), json(401, {}), json(401, {})])
    let token: string | null = 'old'
    const client = createHttpClient({ baseUrl: server.base, transport: fetchTransport, getToken: () => token, sleep: noSleep, renewToken: async () => (token = 'new') })
    await expect(client.request('GET', '/api/me/favourites')).rejects.toMatchObject({ status: 401 })
    token = null
    await expect(client.request('POST', '/api/auth/wechat', { code: 'x' })).rejects.toMatchObject({ status: 401 })
    expect(server.seen.map((r) => r.auth)).toEqual(['Bearer old', 'Bearer new', undefined])
    await server.close()
  })
})
