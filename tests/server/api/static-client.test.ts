/**
 * The built H5 client at /: hashed scripts and styles may be cached for good, the entry files must be
 * revalidated on every visit (or a phone keeps an old app after a release).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { installStaticClient } from '../../../src/server/http/static-client'

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

  it('does nothing when there is no build', async () => {
    expect(await installStaticClient(Fastify(), path.join(dir, 'missing'))).toBe(false)
  })
})
