/** The built H5 client (dist/h5) at /, when it exists. Unknown non-API paths fall back to index.html (SPA). */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

export async function installStaticClient(app: FastifyInstance, dir: string | null): Promise<boolean> {
  if (!dir || !existsSync(path.join(dir, 'index.html'))) return false
  await app.register(fastifyStatic, { root: path.resolve(dir), prefix: '/', wildcard: true, index: ['index.html'] })
  return true
}
