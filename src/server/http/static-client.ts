/** The built H5 client (dist/h5) at /, when it exists. Unknown non-API paths fall back to index.html (SPA). */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

/** A script or stylesheet the build named by content hash, or its precompressed copy (.br, .gz). */
const HASHED = /[/\\](js|chunk|css)[/\\][^/\\]+\.[0-9a-f]{8}\.(js|css)(\.br|\.gz)?$/
const SCRIPT_OR_STYLE = /\.(js|css)(\.br|\.gz)?$/

export async function installStaticClient(app: FastifyInstance, dir: string | null): Promise<boolean> {
  if (!dir || !existsSync(path.join(dir, 'index.html'))) return false
  await app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    // The build writes a brotli (quality 11) and a gzip copy of each script and stylesheet
    // (config/precompress.ts): sent as they are to a phone that accepts them, smaller than the
    // quality @fastify/compress can afford per request. Files without a copy are compressed as before.
    preCompressed: true,
    // The build names scripts and styles by content hash, so a phone on a weak network may keep them
    // for good; the entry files (index.html, sw.js, sw-assets.json) must be checked on every visit.
    cacheControl: false,
    setHeaders(res, filePath) {
      res.setHeader('cache-control', HASHED.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache')
      // A cache between must not hand brotli to a phone that asked for gzip (or for neither).
      if (SCRIPT_OR_STYLE.test(filePath)) res.setHeader('vary', 'accept-encoding')
    },
  })
  return true
}
