/**
 * The console's issue routes (docs/console-api.md, "Issues"): thin, each behind app.requireEditor or
 * app.requireChief, calling services/console-issues.ts with the signed-in editor and the client
 * address. Never cached.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { AuditList, ConsoleIssueList, PreviewLink, UnpublishRequest, UploadAnswer } from '../../core/console'
import type { RouteDeps } from './deps'
import type { Actor } from '../services/audit'
import type { UploadedFile } from '../services/console-issues'
import { ApiError } from '../http/errors'
import { idParams, idSchema, noQuery } from '../http/schemas'
import { MAX_UPLOAD_BYTES } from './admin'
import { issuePreviewToken } from '../auth/preview-token'

/** Files one upload may carry (each up to MAX_UPLOAD_BYTES). */
export const MAX_UPLOAD_FILES = 10

const actorOf = (request: FastifyRequest): Actor => ({ editor: request.editor, address: request.ip })
const byId = { params: idParams('id'), querystring: noQuery }

/** Every file field of the multipart body, in order; a file over the limit is reported, not read. */
async function uploadedFiles(request: FastifyRequest): Promise<UploadedFile[]> {
  if (!request.isMultipart()) throw new ApiError(415, 'not-multipart', '请以 multipart/form-data 上传文件（file 字段）')
  const files: UploadedFile[] = []
  try {
    for await (const part of request.files()) {
      const bytes = await part.toBuffer()
      if (part.file.truncated) files.push({ fileName: part.filename, problem: { code: 'file-too-large', message: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，未读取` } })
      else files.push({ fileName: part.filename, bytes })
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw new ApiError(413, 'too-many-files', `一次最多上传 ${MAX_UPLOAD_FILES} 个文件`)
    if (error instanceof ApiError || (error as { statusCode?: number }).statusCode) throw error
    throw new ApiError(400, 'bad-multipart', '上传的内容无法读取，请重新选择文件')
  }
  if (files.length === 0) throw new ApiError(400, 'no-file', '没有收到文件：请选择 .docx、.md 或 .txt 文件')
  return files
}

export const consoleRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const { consoleIssues, audit } = deps
  const anyEditor = { preHandler: app.requireEditor }
  const chief = { preHandler: app.requireChief }
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_UPLOAD_FILES, fields: 10 }, throwFileSizeLimit: false })

  app.get('/console/issues', { ...anyEditor, schema: { summary: 'Every issue, with who prepared and published it', tags: ['console'], querystring: noQuery } }, async () => {
    const body: ConsoleIssueList = { items: await consoleIssues.rows() }
    return body
  })

  app.post<{ Querystring: { replace: boolean } }>(
    '/console/issues',
    {
      ...anyEditor,
      schema: {
        summary: 'Upload one or more documents, each as a draft',
        tags: ['console'],
        consumes: ['multipart/form-data'],
        querystring: { type: 'object', properties: { replace: { type: 'boolean', default: false } }, additionalProperties: false },
      },
    },
    async (request) => {
      // Replacing a published issue changes what members read: a chief's decision.
      if (request.query.replace && request.editor.role !== 'chief') throw new ApiError(403, 'chief-only', '只有签发人（主编）可以替换已发布的一期')
      const body: UploadAnswer = { reports: await consoleIssues.upload(actorOf(request), await uploadedFiles(request), { replace: request.query.replace }) }
      return body
    },
  )

  app.get<{ Params: { id: number } }>('/console/issues/:id', { ...anyEditor, schema: { summary: 'One issue, draft or published', tags: ['console'], ...byId } }, async (request) =>
    consoleIssues.one(request.params.id),
  )

  app.delete<{ Params: { id: number } }>('/console/issues/:id', { ...chief, schema: { summary: 'Delete an issue', tags: ['console'], ...byId } }, async (request, reply) => {
    await consoleIssues.delete(actorOf(request), request.params.id)
    return reply.code(204).send()
  })

  app.get<{ Params: { id: number } }>(
    '/console/issues/:id/publish-preview',
    { ...anyEditor, schema: { summary: 'How many members a publish notifies, and the text', tags: ['console'], ...byId } },
    async (request) => consoleIssues.publishPreview(request.params.id),
  )

  app.post<{ Params: { id: number } }>('/console/issues/:id/publish', { ...chief, schema: { summary: 'Publish an issue', tags: ['console'], ...byId } }, async (request) => ({
    issue: await consoleIssues.publish(actorOf(request), request.params.id),
  }))

  app.get<{ Params: { id: number } }>(
    '/console/issues/:id/deliveries',
    { ...anyEditor, schema: { summary: "The fan-out's progress", tags: ['console'], ...byId } },
    async (request) => consoleIssues.deliveries(request.params.id),
  )

  app.post<{ Params: { id: number }; Body: UnpublishRequest }>(
    '/console/issues/:id/unpublish',
    {
      ...chief,
      schema: {
        summary: 'Take an issue back to draft, with a reason',
        tags: ['console'],
        ...byId,
        body: { type: 'object', properties: { reason: { type: 'string', maxLength: 500 } }, required: ['reason'], additionalProperties: false },
      },
    },
    async (request) => {
      const reason = request.body.reason.trim()
      if (reason === '') throw new ApiError(400, 'reason-required', '请写明撤回的原因')
      return { issue: await consoleIssues.unpublish(actorOf(request), request.params.id, reason) }
    },
  )

  app.post<{ Params: { id: number } }>(
    '/console/issues/:id/preview',
    { ...anyEditor, schema: { summary: 'A reader link that shows the draft, for an hour', tags: ['console'], ...byId } },
    async (request) => {
      const { issue } = await consoleIssues.one(request.params.id)
      const { token, expiresAt } = issuePreviewToken(deps.sessionSecret, issue.id)
      await audit.record(actorOf(request), 'preview', { id: issue.id, label: issue.label }, { expiresAt })
      const body: PreviewLink = { url: `/issues/${issue.id}?preview=${encodeURIComponent(token)}`, expiresAt }
      return body
    },
  )

  app.get<{ Querystring: { issueId?: number } }>(
    '/console/audit',
    {
      ...anyEditor,
      schema: { summary: 'The audit log, newest first', tags: ['console'], querystring: { type: 'object', properties: { issueId: idSchema }, additionalProperties: false } },
    },
    async (request) => {
      const body: AuditList = { items: await audit.list(request.query.issueId) }
      return body
    },
  )
}
