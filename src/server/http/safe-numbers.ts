/**
 * Ajv coerces "Infinity" and "1e400" in a query or path to Infinity, and then skips `minimum` and
 * `maximum` for a number that is not finite, so `?limit=Infinity` reached the handlers. Every number
 * the API takes in a path or query is a whole number, so after validation any number that is not a
 * safe integer is refused here, naming its field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from './errors'

const unsafe = (v: unknown) => typeof v === 'number' && !Number.isSafeInteger(v)

function unsafeField(part: 'query' | 'params', values: unknown): string | null {
  if (!values || typeof values !== 'object') return null
  // Runs on every request: a plain loop, no arrays made for the common case of none.
  const record = values as Record<string, unknown>
  for (const name in record) {
    const value = record[name]
    if (Array.isArray(value) ? value.some(unsafe) : unsafe(value)) return `${part}/${name}`
  }
  return null
}

/** A preHandler in callback form (no promise per request on the hot read paths). */
export function refuseUnsafeNumbers(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  const field = unsafeField('params', request.params) ?? unsafeField('query', request.query)
  if (field) return done(new ApiError(400, 'invalid-request', `${field} must be a whole number in range`, [{ field, message: `${field} must be a whole number in range` }]))
  done()
}
