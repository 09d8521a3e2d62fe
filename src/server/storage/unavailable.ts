/**
 * Whether an error means "the database is away" (restarting, failing over, dropped connections, a
 * proxy that closed them, a database that no longer exists) rather than a bug: callers answer 503
 * and try again later instead of logging a failure. Driver knowledge, so it lives with storage.
 */
const PG_UNAVAILABLE = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  '3D000', // invalid_catalog_name: the database was dropped
  '55000', // object_not_in_prerequisite_state: the database is not accepting connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
])
const NODE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'SQLITE_BUSY', 'SQLITE_LOCKED'])
const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /connection is closed/i]

export function isStorageUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (PG_UNAVAILABLE.has(code) || NODE_UNAVAILABLE.has(code))) return true
  const message = (error as { message?: unknown }).message
  if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true
  const cause = (error as { cause?: unknown }).cause
  return cause !== undefined && cause !== error && isStorageUnavailable(cause)
}
