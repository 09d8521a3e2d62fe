/** The built H5 client (dist/h5) at /, when it exists. Unknown non-API paths fall back to index.html (SPA). */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

export async function installStaticClient(app: FastifyInstance, dir: string | null): Promise<boolean> {
  if (!dir || !existsSync(path.join(dir, 'index.html'))) return false
  await app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    // The build names scripts and styles by content hash, so a phone on a weak network may keep them
    // for good; the entry files (index.html, sw.js, sw-assets.json) must be checked on every visit.
    cacheControl: false,
    setHeaders(res, filePath) {
      const hashed = /[/\\](js|chunk|css)[/\\][^/\\]+\.[0-9a-f]{8}\.(js|css)$/.test(filePath)
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  return true
}
