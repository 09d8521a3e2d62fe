/**
 * The editors' console app at /console: dist/console/index.html (never cached: it names the current
 * scripts) and the files beside it; any other /console/… path is one of the app's own screens and
 * gets index.html too. Looked up on each request, so a console built after the server started is
 * served at once. Without a build, a plain page says how to make one.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

/** esbuild's content-hashed names (app-5KQ2X7ZB.js) may be kept for good. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>编辑控制台 - 工会信息</title></head>
<body><main><h1>编辑控制台</h1><p>控制台尚未构建（npm run build:console）</p></main></body></html>
`

export function installConsoleClient(app: FastifyInstance, dir: string | null): void {
  const root = dir ? path.resolve(dir) : null

  const sendIndex = (reply: FastifyReply) => {
    const index = root ? path.join(root, 'index.html') : null
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8')
    if (!index || !existsSync(index)) return reply.send(NOT_BUILT)
    return reply.send(createReadStream(index))
  }

  app.get('/console', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply))
  app.get<{ Params: { '*': string } }>('/console/*', { schema: { hide: true } }, async (request, reply) => {
    const rest = request.params['*']
    if (root && rest !== '' && rest !== 'index.html') {
      const file = path.resolve(root, rest)
      const type = TYPES[path.extname(file).toLowerCase()]
      // Only files inside the build, of a kind the console ships; anything else is a screen of the app.
      if (type && file.startsWith(root + path.sep) && existsSync(file) && statSync(file).isFile()) {
        reply.header('cache-control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache').type(type)
        return reply.send(createReadStream(file))
      }
      if (type) return reply.code(404).type('text/plain; charset=utf-8').send('not found')
    }
    return sendIndex(reply)
  })
}
