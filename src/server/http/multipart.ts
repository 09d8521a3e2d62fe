/**
 * Reading a multipart body: limits (413) and our own refusals keep their status; a body the parser
 * cannot read at all (no boundary, cut short) is the client's fault, a 400 in the error shape, never
 * a 500.
 */
import { ApiError } from './errors'

export async function readingMultipart<T>(read: () => Promise<T>, unreadable: (why: string) => string): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof ApiError || (error as { statusCode?: number }).statusCode) throw error
    throw new ApiError(400, 'bad-multipart', unreadable(error instanceof Error ? error.message : 'malformed'))
  }
}
