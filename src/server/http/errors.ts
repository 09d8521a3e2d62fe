/**
 * The one place errors become HTTP: domain errors and validation errors → `{ error: { code, message,
 * details? } }` (the console's routes: `{ error: code, message, details? }`) with a 4xx status;
 * anything else → 500 with a fixed message (details only in the log).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { StorageError } from '../storage/storage'
import { isStorageUnavailable } from '../storage/unavailable'

/** An error a route throws on purpose: status, a stable code, words for a person. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

const STORAGE_STATUS: Record<StorageError['code'], number> = { 'published-conflict': 409, 'not-found': 404, 'number-taken': 409, 'edit-conflict': 409 }

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
}

interface ValidationItem {
  instancePath: string
  message?: string
  params?: Record<string, unknown>
}

/** Ajv's findings → "body has an unknown field 'x'", "params/id must be integer", … */
function describeValidation(context: string, items: ValidationItem[]): Array<{ field: string; message: string }> {
  return items.map((item) => {
    const field = `${context}${item.instancePath}`
    if (item.params && typeof item.params.additionalProperty === 'string') {
      return { field: `${field}/${item.params.additionalProperty}`, message: `${field} has an unknown field '${item.params.additionalProperty}'` }
    }
    if (item.params && typeof item.params.missingProperty === 'string') {
      return { field: `${field}/${item.params.missingProperty}`, message: `${field} is missing the field '${item.params.missingProperty}'` }
    }
    return { field, message: `${field} ${item.message ?? 'is invalid'}` }
  })
}

/** The editors' console speaks its own contract (docs/console-api.md): `{ error: code, message }`. */
const isConsoleRequest = (reply: FastifyReply) => /^\/api\/console(\/|\?|$)/.test(reply.request?.url ?? '')

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  const body = isConsoleRequest(reply)
    ? { error: code, message, ...(details === undefined ? {} : { details }) }
    : { error: details === undefined ? { code, message } : { code, message, details } }
  return reply.code(status).type('application/json; charset=utf-8').send(body)
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) return sendError(reply, error.statusCode, error.code, error.message, error.details)
    if (error instanceof StorageError) return sendError(reply, STORAGE_STATUS[error.code], error.code, error.message)
    if (error.validation) {
      const problems = describeValidation(error.validationContext ?? 'request', error.validation as ValidationItem[])
      return sendError(reply, 400, 'invalid-request', problems.map((p) => p.message).join('; '), problems)
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const message = status === 413 ? 'The request body is too large (the limit is 5 MB)' : error.message
      return sendError(reply, status, CODE_BY_STATUS[status] ?? 'bad-request', message)
    }
    if (isStorageUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      return sendError(reply.header('retry-after', '5'), 503, 'database-unavailable', 'The database is not answering just now; try again in a few seconds')
    }
    request.log.error({ err: error }, 'request failed')
    return sendError(reply, 500, 'internal', 'Something went wrong on the server; it has been logged')
  })
}
