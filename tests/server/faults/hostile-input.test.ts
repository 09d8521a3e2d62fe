/**
 * Hostile and broken requests get a 4xx in the API's one error shape, never a 500: numbers that are
 * not safe integers (Infinity, 1e400, past PostgreSQL's integer) in every path, query and cursor;
 * multipart bodies without a boundary or cut short; and the refusals Fastify and Node make before a
 * route runs (bad URL encoding, an address or headers too large, unknown routes, unknown media types).
 */
import net from 'node:net'
import { describeOnEachBackend } from '../support/storages'
import { admin, buildTestApp, publish, type TestApp } from '../support/app'
import { makeIssue } from '../support/archive'
import { encodeCursor } from '../../../src/server/http/cursor'

const expectErrorShape = (res: { statusCode: number; json(): any }, status: number, url = '') => {
  expect(res.statusCode).toBe(status)
  // The console's routes speak their own contract (docs/console-api.md): { error: code, message }.
  if (url.startsWith('/api/console/')) expect(res.json()).toEqual(expect.objectContaining({ error: expect.any(String), message: expect.any(String) }))
  else expect(res.json()).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) })
}

/** Sends raw bytes and reads the whole answer (for requests no HTTP client would send). */
function rawRequest(base: string, text: string): Promise<string> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(text))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describeOnEachBackend('hostile input', (backend) => {
  let t: TestApp
  let member: Record<string, string>
  beforeAll(async () => {
    t = await buildTestApp(backend)
    await publish(t.storage, makeIssue(2021, 3))
    const session = await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-hostile-000001' } })
    member = { authorization: `Bearer ${session.json().token}` }
  })
  afterAll(() => t.close())

  it.each(['Infinity', '-Infinity', '1e400', '9007199254740993', '2147483648', 'NaN', '1.5'])('refuses %s as a page size or an id, on every route that takes one', async (bad) => {
    for (const url of [`/api/issues?limit=${bad}`, `/api/search?q=%E5%B7%A5%E4%BC%9A&limit=${bad}`, `/api/search?q=%E5%B7%A5%E4%BC%9A&year=${bad}`]) {
      expectErrorShape(await t.inject({ url }), 400)
    }
    const doc = (await t.inject({ url: '/api/openapi.json' })).json()
    const idRoutes: Array<[string, string]> = []
    for (const [route, methods] of Object.entries<Record<string, unknown>>(doc.paths)) {
      if (!/\{[^}]+\}/.test(route)) continue
      for (const method of Object.keys(methods)) idRoutes.push([method.toUpperCase(), route.replace(/\{file\}/, `${bad}.png`).replace(/\{[^}]+\}/g, bad)])
    }
    expect(idRoutes.length).toBeGreaterThanOrEqual(12)
    for (const [method, url] of idRoutes) {
      const res = await t.inject({ method, url, headers: url.includes('/me/') ? member : admin })
      expect([method, url, res.statusCode]).toEqual([method, url, 400])
      expectErrorShape(res, 400, url)
    }
  })

  it('refuses cursors holding numbers out of range', async () => {
    for (const cursor of [encodeCursor({ d: '2021-01-01', i: 2147483648 }), Buffer.from('{"d":"2021-01-01","i":1e400}').toString('base64url'), encodeCursor({ o: 1e21 })]) {
      expectErrorShape(await t.inject({ url: `/api/issues?cursor=${cursor}` }), 400)
      expectErrorShape(await t.inject({ url: `/api/search?q=%E5%B7%A5%E4%BC%9A&cursor=${cursor}` }), 400)
    }
  })

  it('answers 400 to a multipart upload without a boundary or cut short', async () => {
    const none = await t.inject({ method: 'POST', url: '/api/admin/issues', headers: { ...admin, 'content-type': 'multipart/form-data' }, payload: 'abc' })
    expectErrorShape(none, 400)
    // A correction's document too (the fuzzer found it answered 500).
    const correction = await t.inject({ method: 'POST', url: '/api/admin/issues/1/correction', headers: { ...admin, 'content-type': 'multipart/form-data' }, payload: '--x' })
    expectErrorShape(correction, 400)
    expect(correction.json().error.code).toBe('bad-multipart')
    const cut = await t.inject({
      method: 'POST',
      url: '/api/admin/issues',
      headers: { ...admin, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\ncontent-disposition: form-data; name="file"; filename="a.md"\r\n\r\n〔2020〕第二十期',
    })
    expectErrorShape(cut, 400)
    expect(cut.json().error.code).toBe('bad-multipart')
  })

  it('answers framework refusals in the error shape: bad URL encoding, too long, unknown route, unknown type', async () => {
    expectErrorShape(await t.inject({ url: '/api/issues/%E0%A4%A' }), 400)
    expectErrorShape(await t.inject({ url: `/api/search?q=${'%E5%B7%A5'.repeat(600)}` }), 414)
    expectErrorShape(await t.inject({ url: `/api/issues/${'1'.repeat(200)}` }), 414)
    expectErrorShape(await t.inject({ url: '/api/no-such-thing' }), 404)
    expectErrorShape(await t.inject({ method: 'POST', url: '/api/auth/device', headers: { 'content-type': 'application/xml' }, payload: '<x/>' }), 415)
    const base = `http://127.0.0.1:${(t.app.server.address() as net.AddressInfo).port}`
    const huge = await rawRequest(base, `GET /api/issues HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70000)}\r\n\r\n`)
    expect(huge).toMatch(/^HTTP\/1\.1 431 /)
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'headers-too-large', message: expect.any(String) } })
    const garbage = await rawRequest(base, 'NOT HTTP AT ALL\r\n\r\n')
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /)
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).error.code).toBe('bad-request')
  })
})
