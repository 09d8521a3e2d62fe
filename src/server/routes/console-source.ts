/**
 * The console's check, fix and correct routes (docs/console-api.md, "Check and fix"): the same
 * handlers as the admin ones (./source-edits.ts) behind the session guard: reading and fixing a
 * draft for any editor, correcting a published issue for a chief. Each change is in the audit log.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { RouteDeps } from './deps'
import { MAX_UPLOAD_BYTES } from './admin'
import { sourceRoutes } from './source-edits'

export const consoleSourceRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } })
  await app.register(sourceRoutes, {
    ...deps,
    prefix: '/console/issues',
    editor: (request: FastifyRequest) => request.editor.name,
    guards: { read: app.requireEditor, edit: app.requireEditor, correct: app.requireChief },
    onChange: (request, action, issue, detail) => deps.audit.record({ editor: request.editor, address: request.ip }, action, { id: issue.id, label: issue.label }, detail),
  })
}
