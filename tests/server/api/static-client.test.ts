/**
 * The built H5 client at /: hashed scripts and styles may be cached for good, the entry files must be
 * revalidated on every visit (or a phone keeps an old app after a release); the build's
 * precompressed copies of scripts go as they are to a phone that accepts their encoding.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Fastify, { type FastifyInstance } from 'fastify'
import { installStaticClient } from '../../../src/server/http/static-client'

const BIG_SCRIPT = Array.from({ length: 200 }, (_, i) => `console.log(${i})`).join('\n')

/** One response as it comes off the wire (fetch would decode it), for an Accept-Encoding. */
function wire(url: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

describe('static H5 client', () => {
  let dir: string
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-h5-'))
    mkdirSync(path.join(dir, 'js'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>工会信息</title>')
    writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    writeFileSync(path.join(dir, 'js', 'app.0123abcd.js'), 'console.log(1)')
    writeFileSync(path.join(dir, 'js', 'plain.js'), 'console.log(2)')
    // As config/precompress.ts writes them: the same text, compressed.
    writeFileSync(path.join(dir, 'js', 'big.0123abcd.js'), BIG_SCRIPT)
    writeFileSync(path.join(dir, 'js', 'big.0123abcd.js.br'), zlib.brotliCompressSync(BIG_SCRIPT))
    writeFileSync(path.join(dir, 'js', 'big.0123abcd.js.gz'), zlib.gzipSync(BIG_SCRIPT))
    app = Fastify()
    expect(await installStaticClient(app, dir)).toBe(true)
    base = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves index.html at / with no-cache', async () => {
    const res = await fetch(`${base}/`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('工会信息')
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })

  it('lets hashed scripts be cached for a year, but not unhashed files or the service worker', async () => {
    expect((await fetch(`${base}/js/app.0123abcd.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await fetch(`${base}/js/plain.js`)).headers.get('cache-control')).toBe('no-cache')
    expect((await fetch(`${base}/sw.js`)).headers.get('cache-control')).toBe('no-cache')
  })

  it("sends the build's brotli copy to a phone that accepts brotli, the gzip copy to one that accepts only gzip", async () => {
    const br = await wire(`${base}/js/big.0123abcd.js`, 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT)
    const gz = await wire(`${base}/js/big.0123abcd.js`, 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(BIG_SCRIPT)
    for (const res of [br, gz]) {
      expect(res.headers['content-type']).toMatch(/javascript/)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.headers['vary']).toMatch(/accept-encoding/i)
    }
  })

  it('sends the script itself to a client that accepts no encoding', async () => {
    const plain = await wire(`${base}/js/big.0123abcd.js`, 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(BIG_SCRIPT)
  })

  it('does nothing when there is no build', async () => {
    expect(await installStaticClient(Fastify(), path.join(dir, 'missing'))).toBe(false)
  })
})
