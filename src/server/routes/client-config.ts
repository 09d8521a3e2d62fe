/** GET /api/config and GET /healthz. */
import type { FastifyPluginAsync } from 'fastify'
import type { ClientConfig } from '../../core/api'
import type { RouteDeps } from './deps'
import { noQuery } from '../http/schemas'

export const clientConfigRoutes: FastifyPluginAsync<RouteDeps> = async (app, { newIssueTemplateId }) => {
  app.get('/config', { schema: { summary: 'What the client needs of the server configuration', tags: ['meta'], querystring: noQuery } }, async (): Promise<ClientConfig> => ({
    newIssueTemplateId,
  }))
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
