/**
 * Ajv coerces "Infinity" and "1e400" in a query or path to Infinity, and then skips `minimum` and
 * `maximum` for a number that is not finite, so `?limit=Infinity` reached the handlers. Every number
 * the API takes in a path or query is a whole number, so after validation any number that is not a
 * safe integer is refused here, naming its field.
 */
import type { FastifyRequest } from 'fastify'
import { ApiError } from './errors'

function unsafeField(part: 'query' | 'params', values: unknown): string | null {
  if (!values || typeof values !== 'object') return null
  for (const [name, value] of Object.entries(values)) {
    const all = Array.isArray(value) ? value : [value]
    if (all.some((v) => typeof v === 'number' && !Number.isSafeInteger(v))) return `${part}/${name}`
  }
  return null
}

export async function refuseUnsafeNumbers(request: FastifyRequest): Promise<void> {
  const field = unsafeField('params', request.params) ?? unsafeField('query', request.query)
  if (field) throw new ApiError(400, 'invalid-request', `${field} must be a whole number in range`, [{ field, message: `${field} must be a whole number in range` }])
}
