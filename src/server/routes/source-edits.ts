/**
 * Check, fix and correct an issue from its kept source: GET …/:id/source, POST …/:id/edits, POST
 * …/:id/correction (docs/console-api.md). Mounted by the admin routes (Bearer token) and, with the
 * session guard, by the console's. Thin: validate the body, call the editing service, map refusals.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { SourceEdit } from '../../core/check'
import type { RouteDeps } from './deps'
import { idParams, noQuery } from '../http/schemas'
import { ApiError } from '../http/errors'
import { readingMultipart } from '../http/multipart'
import { EditingError, type CorrectionInput } from '../services/editing'

const MARKS = ['title', 'section', 'subheading', 'brief', 'source', 'paragraph'] as const
const line = z.number().int().min(1)
export const sourceEditSchema: z.ZodType<SourceEdit> = z.discriminatedUnion('op', [
  z
    .object({ op: z.literal('facts'), label: z.string().min(1).max(60).optional(), number: z.number().int().optional(), date: z.string().max(20).optional() })
    .strict()
    .refine((f) => f.label !== undefined || f.number !== undefined || f.date !== undefined, 'facts needs a label, number or date'),
  z.object({ op: z.literal('mark'), line, as: z.enum(MARKS) }).strict(),
  z.object({ op: z.literal('merge'), line }).strict(),
  z.object({ op: z.literal('split'), line, at: z.number().int() }).strict(),
  z.object({ op: z.literal('text'), line, text: z.string().max(20000) }).strict(),
]) as z.ZodType<SourceEdit>

const STATUS: Record<EditingError['code'], number> = {
  'issue-not-found': 404,
  'no-source': 409,
  'not-a-draft': 409,
  'not-published': 409,
  'edit-refused': 422,
  'import-failed': 422,
  'no-note': 400,
}

/** A refusal in HTTP words, with the line when there is one. */
export function editingRefusal(error: unknown): unknown {
  if (!(error instanceof EditingError)) return error
  return new ApiError(STATUS[error.code], error.code, error.message, error.problem ? { line: error.problem.line, problem: error.problem } : undefined)
}

function parsedEdit(body: unknown): SourceEdit {
  const parsed = sourceEditSchema.safeParse((body as { edit?: unknown } | null)?.edit)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new ApiError(400, 'invalid-edit', `body/edit${issue.path.length ? '/' + issue.path.join('/') : ''}: ${issue.message}`)
}

export interface SourceRouteOptions extends RouteDeps {
  /** Who is making the change (the signed-in editor's name; "admin" for the token). */
  editor: (request: FastifyRequest) => string
  /** Extra checks per route (the console's role guards); run before the handler. */
  guards?: { read?: RouteGuard; edit?: RouteGuard; correct?: RouteGuard }
  /** After a change is stored (the console's audit log). */
  onChange?: (request: FastifyRequest, action: 'edit' | 'correct', issue: { id: number; label: string }, detail: Record<string, unknown>) => Promise<void>
}

export type RouteGuard = (request: FastifyRequest) => Promise<void>

export const sourceRoutes: FastifyPluginAsync<SourceRouteOptions> = async (app, deps) => {
  const { editing, publishing } = deps
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      throw editingRefusal(error)
    }
  }
  const params = idParams('id')

  app.get<{ Params: { id: number } }>(
    '/:id/source',
    {
      schema: { summary: "An issue's own lines, the structure read from them, its warnings and edits", tags: ['admin'], params, querystring: noQuery },
      preHandler: deps.guards?.read,
    },
    async (request) => run(() => editing.source(request.params.id)),
  )

  app.post<{ Params: { id: number } }>(
    '/:id/edits',
    { schema: { summary: 'Fix a draft without Word: one edit of its source ({ edit })', tags: ['admin'], params, querystring: noQuery }, preHandler: deps.guards?.edit },
    async (request) => {
      const edit = parsedEdit(request.body)
      const done = await run(() => editing.edit(request.params.id, edit, deps.editor(request)))
      await deps.onChange?.(request, 'edit', done.issue, { edit })
      return done
    },
  )

  app.post<{ Params: { id: number } }>(
    '/:id/correction',
    {
      schema: { summary: 'Correct a published issue: a corrected document (multipart file + note) or { edit, note }', tags: ['admin'], params, querystring: noQuery },
      preHandler: deps.guards?.correct,
    },
    async (request) => {
      let note: unknown
      let input: CorrectionInput
      if (request.isMultipart()) {
        const file = await readingMultipart(
          async () => {
            let found: { bytes: Uint8Array; fileName: string } | null = null
            for await (const part of request.parts()) {
              if (part.type === 'file') found = { bytes: await part.toBuffer(), fileName: part.filename }
              else if (part.fieldname === 'note') note = part.value
            }
            return found
          },
          (why) => `The multipart body cannot be read (${why}): send the corrected document as a file field and the note, with a boundary`,
        )
        if (!file) throw new ApiError(400, 'no-file', 'The multipart body has no file: send the corrected document as a file field')
        input = { fileName: file.fileName, result: await publishing.readDocument(file.bytes, file.fileName) }
      } else {
        note = (request.body as { note?: unknown } | null)?.note
        input = { edit: parsedEdit(request.body) }
      }
      if (typeof note !== 'string') throw new ApiError(400, 'no-note', '请填写更正说明 (send the correction note as the field note)')
      const done = await run(() => editing.correct(request.params.id, input, note as string, deps.editor(request)))
      await deps.onChange?.(request, 'correct', done.issue, {
        note: (note as string).trim(),
        corrected: done.corrected,
        ...('edit' in input ? { edit: input.edit } : { fileName: input.fileName }),
      })
      return done
    },
  )
}
