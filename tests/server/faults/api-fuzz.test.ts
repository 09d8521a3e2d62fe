/**
 * A generated fuzz of the whole API: fast-check draws requests for every route of the OpenAPI
 * description (path parameters, query strings and bodies from hostile and well-formed values, with
 * and without credentials) and the server must answer each with no 5xx and, for every 4xx, the API's
 * one error shape. At least 2,000 requests per database per run.
 */
import fc from 'fast-check'
import { describeOnEachBackend } from '../support/storages'
import { admin, buildTestApp, publish, type TestApp } from '../support/app'
import { makeIssue } from '../support/archive'

/** The API's one error shape; the console's routes speak their own contract (docs/console-api.md). */
const errorShapeOf = (path: string) =>
  path.startsWith('/api/console/')
    ? expect.objectContaining({ error: expect.any(String), message: expect.any(String) })
    : { error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) }

interface Operation {
  method: string
  path: string
  query: string[]
}

const NUMBERS = ['0', '1', '2', '-1', '3.5', '1e3', '1e400', 'Infinity', 'NaN', '2147483647', '2147483648', '9007199254740993', '0x10', '', ' 1', '１']
const TEXTS = ['工会', '△', '〔2020〕', '%00', '%E0%A4%A', '%F0%9F%98%80', 'a'.repeat(300), '<script>', "'; drop table issues; --", '..%2F..%2Fetc%2Fpasswd', '\u202e', '%ff%fe']

const hostileValue = fc.oneof(fc.constantFrom(...NUMBERS, ...TEXTS), fc.string({ maxLength: 12 }).map(encodeURIComponent), fc.integer({ min: -5, max: 60 }).map(String))

const jsonValue = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.record(
    { deviceId: fc.oneof(fc.string(), fc.constant('device-fuzz-0000000001')), code: fc.string(), templateId: fc.string(), result: fc.constantFrom('accept', 'reject', 'maybe') },
    { requiredKeys: [] },
  ),
)

const bodyOf = fc.oneof(
  jsonValue.map((v) => (v === undefined ? undefined : { type: 'application/json', body: JSON.stringify(v) })),
  fc.constantFrom(
    { type: 'application/json', body: '{"deviceId":' },
    { type: 'text/markdown', body: '〔2020〕第二十期\n\n本期导读' },
    { type: 'multipart/form-data', body: '--x' },
    { type: 'multipart/form-data; boundary=zz', body: '--zz\r\ncontent-disposition: form-data; name="file"; filename="a.md"\r\n\r\n工会' },
    { type: 'application/xml', body: '<a/>' },
    { type: 'text/plain; charset=gbk', body: '\u00ff\u00fe' },
  ),
)

function operations(doc: { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> }): Operation[] {
  const ops: Operation[] = []
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({ method: method.toUpperCase(), path, query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) })
    }
  }
  return ops
}

describeOnEachBackend('API fuzz', (backend) => {
  let t: TestApp
  let member: Record<string, string>
  beforeAll(async () => {
    t = await buildTestApp(backend)
    for (let n = 1; n <= 3; n++) await publish(t.storage, makeIssue(2022, n))
    member = { authorization: `Bearer ${(await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-fuzz-member-001' } })).json().token}` }
  })
  afterAll(() => t.close())

  it('answers every generated request without a 5xx, and every refusal in the error shape', async () => {
    const ops = operations((await t.inject({ url: '/api/openapi.json' })).json())
    expect(ops.length).toBeGreaterThanOrEqual(15)
    const request = fc.record({
      op: fc.constantFrom(...ops),
      params: fc.array(hostileValue, { minLength: 3, maxLength: 3 }),
      query: fc.array(
        fc.tuple(fc.oneof(fc.constantFrom('limit', 'cursor', 'q', 'year', 'section', 'replace'), fc.string({ maxLength: 6 }).map(encodeURIComponent)), hostileValue),
        { maxLength: 4 },
      ),
      auth: fc.constantFrom('none', 'admin', 'member', 'garbage'),
      body: bodyOf,
    })
    let sent = 0
    await fc.assert(
      fc.asyncProperty(request, async ({ op, params, query, auth, body }) => {
        let i = 0
        const path = op.path.replace(/\{file\}/g, () => `${params[i++]}.png`).replace(/\{[^}]+\}/g, () => params[i++ % params.length])
        const qs = query.map(([k, v]) => `${k}=${v}`).join('&')
        const headers: Record<string, string> = auth === 'admin' ? { ...admin } : auth === 'member' ? { ...member } : auth === 'garbage' ? { authorization: 'Bearer x.y.z' } : {}
        if (body && op.method !== 'GET' && op.method !== 'DELETE') headers['content-type'] = body.type
        const res = await t.inject({
          method: op.method,
          url: `${path}${qs ? `?${qs}` : ''}`,
          headers,
          payload: body && op.method !== 'GET' && op.method !== 'DELETE' ? body.body : undefined,
        })
        sent++
        const where = `${op.method} ${path}?${qs} → ${res.statusCode} ${res.body.slice(0, 200)}`
        expect([where, res.statusCode < 500]).toEqual([where, true])
        if (res.statusCode >= 400) {
          expect([
            where,
            (() => {
              try {
                return res.json()
              } catch {
                return null
              }
            })(),
          ]).toEqual([where, errorShapeOf(path)])
        }
      }),
      { numRuns: 2000 },
    )
    expect(sent).toBeGreaterThanOrEqual(2000)
  }, 180_000)
})
