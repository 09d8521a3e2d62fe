/** /console serves the built console (index.html never cached, assets beside it), or says it is not built. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildTestApp, type TestApp } from '../support/app'
import { describeOnEachBackend } from '../support/storages'

describeOnEachBackend('the console app at /console', (backend) => {
  let built: TestApp
  let bare: TestApp
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-console-'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>控制台</title><script src="/console/app-5KQ2X7ZB.js"></script>')
    writeFileSync(path.join(dir, 'app-5KQ2X7ZB.js'), 'console.log(1)')
    writeFileSync(path.join(dir, 'app.css'), 'body{}')
    mkdirSync(path.join(dir, 'sub'))
    built = await buildTestApp(backend, { consoleDir: dir })
    bare = await buildTestApp(backend)
  })
  afterAll(async () => {
    await built.close()
    await bare.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves index.html at /console and for the app’s own screens, never cached', async () => {
    for (const url of ['/console', '/console/', '/console/issues/3', '/console/sub']) {
      const res = await built.inject({ url })
      expect([url, res.statusCode, res.headers['content-type'], res.headers['cache-control']]).toEqual([url, 200, 'text/html; charset=utf-8', 'no-store'])
      expect(res.body).toContain('<title>控制台</title>')
    }
  })

  it('serves the assets beside it: hashed names for good, others checked again', async () => {
    const js = await built.inject({ url: '/console/app-5KQ2X7ZB.js' })
    expect([js.statusCode, js.headers['content-type'], js.headers['cache-control'], js.body]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
      'console.log(1)',
    ])
    const css = await built.inject({ url: '/console/app.css' })
    expect([css.statusCode, css.headers['cache-control']]).toEqual([200, 'no-cache'])
    expect((await built.inject({ url: '/console/missing.js' })).statusCode).toBe(404)
    expect((await built.inject({ url: '/console/%2e%2e/%2e%2e/package.json' })).body).not.toContain('"name"')
  })

  it('says the console is not built when there is no build', async () => {
    const res = await bare.inject({ url: '/console' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).toContain('控制台尚未构建（npm run build:console）')
  })

  it('leaves the admin API as it was', async () => {
    expect((await built.inject({ url: '/api/admin/issues' })).json().error.code).toBe('unauthorized')
  })
})
