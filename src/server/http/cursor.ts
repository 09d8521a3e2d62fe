/** Opaque page cursors: base64url JSON, checked on the way back in (a bad one is a 400 naming the field). */
import { ApiError } from './errors'

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
}

/** The issue list's next-page cursor: one encoding for the API and the server-rendered home (same cached answer). */
export const encodeIssueCursor = (next: { date: string; id: number }): string => encodeCursor({ d: next.date, i: next.id })

/** Decodes and validates with `check`; anything else → 400 "query/cursor is not a valid cursor". */
export function decodeCursor<T>(cursor: string, check: (value: unknown) => value is T): T {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  if (!check(value)) throw new ApiError(400, 'invalid-cursor', 'query/cursor is not a valid cursor: pass back the nextCursor of a previous page')
  return value
}
