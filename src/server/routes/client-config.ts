/** GET /api/config and GET /healthz. */
import type { FastifyPluginAsync } from 'fastify'
import type { ClientConfig } from '../../core/api'
import type { RouteDeps } from './deps'
import { noQuery } from '../http/schemas'
import { cachedJson, READY_BYTES_ROUTE, sendCachedJson } from '../http/cached-json'

export const clientConfigRoutes: FastifyPluginAsync<RouteDeps> = async (app, { newIssueTemplateId }) => {
  // Fixed for the life of the process: made once; clients revalidate by ETag (a restart may change it).
  const config: ClientConfig = { newIssueTemplateId }
  const json = cachedJson(JSON.stringify(config))
  app.get(
    '/config',
    { schema: { summary: 'What the client needs of the server configuration', tags: ['meta'], querystring: noQuery }, ...READY_BYTES_ROUTE },
    async (request, reply) => sendCachedJson(request, reply, json, 'no-cache'),
  )
}

export const healthRoutes: FastifyPluginAsync<RouteDeps> = async (app, { storage }) => {
  app.get('/healthz', { schema: { summary: 'Liveness and database check', tags: ['meta'] } }, async (_request, reply) => {
    try {
      await storage.publishedVersion()
      return { status: 'ok', database: storage.dialect }
    } catch {
      return reply.code(503).send({ error: { code: 'database-unavailable', message: 'The database does not answer' } })
    }
  })
}
