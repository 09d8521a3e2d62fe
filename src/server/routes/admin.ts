/**
 * Editors' API (Bearer ADMIN_TOKEN): import a document as a draft, list everything, publish,
 * unpublish, delete. Thin: validate, call the publishing service, say the outcome in HTTP words.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { AdminImportResponse } from '../../core/api'
import type { RouteDeps } from './deps'
import { idParams, noQuery } from '../http/schemas'
import { ApiError } from '../http/errors'
import { readingMultipart } from '../http/multipart'
import type { StoreProblem } from '../services/publishing'
import { sourceRoutes } from './source-edits'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const RAW_FILE_NAMES: Record<string, string> = { 'text/markdown': 'upload.md', 'text/x-markdown': 'upload.md', 'text/plain': 'upload.txt', [DOCX_TYPE]: 'upload.docx' }

/** The uploaded document as bytes and a file name (the importer picks the format by the name). */
async function readDocument(request: FastifyRequest): Promise<{ bytes: Uint8Array; fileName: string }> {
  if (request.isMultipart()) {
    return readingMultipart(
      async () => {
        const file = await request.file()
        if (!file) throw new ApiError(400, 'no-file', 'The multipart body has no file: send the document as a file field')
        return { bytes: await file.toBuffer(), fileName: file.filename }
      },
      (why) => `The multipart body cannot be read (${why}): send one file field with a boundary`,
    )
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const fileName = RAW_FILE_NAMES[type]
  if (!fileName)
    throw new ApiError(415, 'unsupported-media-type', 'Send the document as text/markdown, text/plain, a .docx body, or multipart/form-data with a .md, .txt or .docx file')
  const body = request.body
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.isBuffer(body) ? body : Buffer.alloc(0)
  return { bytes, fileName }
}

/** A refused document in the API's words: the importer's problems (422) or a published conflict (409). */
function refusal(problems: StoreProblem[]): ApiError {
  const conflict = problems.find((p) => p.code === 'published-conflict')
  if (conflict && 'issue' in conflict) {
    const { label, year, number } = conflict.issue
    return new ApiError(409, 'published-conflict', `${label} (${year} no. ${number}) is already published; add ?replace=true to replace it`)
  }
  const first = problems[0]
  return new ApiError(422, 'import-failed', `The document could not be imported: ${first?.message ?? 'unknown problem'}`, { errors: problems })
}

export const adminRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const { storage, publishing } = deps
  app.addHook('onRequest', deps.adminGuard)
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } })
  app.addContentTypeParser(['text/markdown', 'text/x-markdown'], { parseAs: 'string' }, (_request, body, done) => done(null, body))
  app.addContentTypeParser(DOCX_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body))

  app.post<{ Querystring: { replace: boolean } }>(
    '/admin/issues',
    {
      schema: {
        summary: 'Import a document (.md/.txt/.docx, raw or multipart) as a draft',
        tags: ['admin'],
        consumes: ['text/markdown', 'text/plain', DOCX_TYPE, 'multipart/form-data'],
        querystring: { type: 'object', properties: { replace: { type: 'boolean', default: false } }, additionalProperties: false },
      },
    },
    async (request, reply: FastifyReply) => {
      const { bytes, fileName } = await readDocument(request)
      const [report] = await publishing.storeDocuments([{ fileName, result: await publishing.readDocument(bytes, fileName) }], { replace: request.query.replace })
      if (!report.ok) throw refusal(report.errors)
      const body: AdminImportResponse = { ...report.issue, replaced: report.replaced }
      return reply.code(201).send(body)
    },
  )

  app.get('/admin/issues', { schema: { summary: 'Every issue, drafts and published, newest first', tags: ['admin'], querystring: noQuery } }, async () => ({
    items: await storage.listAll(),
    nextCursor: null,
  }))

  app.get<{ Params: { id: number } }>(
    '/admin/issues/:id',
    { schema: { summary: 'One issue, draft or published', tags: ['admin'], params: idParams('id'), querystring: noQuery } },
    async (request) => {
      const issue = await storage.getIssue(request.params.id, { includeDrafts: true })
      if (!issue) throw new ApiError(404, 'issue-not-found', `There is no issue with id ${request.params.id}`)
      return issue
    },
  )

  for (const action of ['publish', 'unpublish'] as const) {
    app.post<{ Params: { id: number } }>(
      `/admin/issues/:id/${action}`,
      {
        schema: {
          summary: action === 'publish' ? 'Publish an issue (idempotent)' : 'Take an issue back to draft (idempotent)',
          tags: ['admin'],
          params: idParams('id'),
          querystring: noQuery,
        },
      },
      async (request) => {
        const id = request.params.id
        const result = action === 'publish' ? await publishing.publish(id) : await publishing.unpublish(id)
        if (!result) throw new ApiError(404, 'issue-not-found', `There is no issue with id ${id}`)
        return result.issue
      },
    )
  }

  await app.register(sourceRoutes, { ...deps, prefix: '/admin/issues', editor: () => 'admin' })

  app.delete<{ Params: { id: number } }>(
    '/admin/issues/:id',
    { schema: { summary: 'Delete an issue', tags: ['admin'], params: idParams('id'), querystring: noQuery } },
    async (request, reply) => {
      if (!(await publishing.delete(request.params.id))) throw new ApiError(404, 'issue-not-found', `There is no issue with id ${request.params.id}`)
      return reply.code(204).send()
    },
  )
}
