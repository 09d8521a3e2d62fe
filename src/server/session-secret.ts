/**
 * SESSION_SECRET signs members' session tokens. When it is not configured, one is generated on first
 * start and kept in DATA_DIR/session-secret (mode 0600), so tokens survive restarts. Several
 * processes sharing a database must share the secret: set SESSION_SECRET for them (or share DATA_DIR).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Tokens signed with a short (or empty) key can be forged: refuse one rather than use it. */
export const MIN_SECRET_BYTES = 32

export class SessionSecretError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SessionSecretError'
  }
}

function readStored(file: string): string | null {
  let stored: string
  try {
    stored = readFileSync(file, 'utf8').trim()
  } catch (error) {
    // Only a missing file means "generate one"; a file that cannot be read must stop the server,
    // never leave it signing with an empty key.
    if ((error as { code?: string }).code === 'ENOENT') return null
    throw new SessionSecretError(`${file} cannot be read (${error instanceof Error ? error.message : String(error)}): fix its permissions or set SESSION_SECRET`)
  }
  if (Buffer.byteLength(stored, 'utf8') < MIN_SECRET_BYTES) {
    throw new SessionSecretError(
      `${file} holds a session secret of ${Buffer.byteLength(stored, 'utf8')} bytes; at least ${MIN_SECRET_BYTES} are needed. Delete the file to have a new one generated (members will sign in again), or put a longer secret in it.`,
    )
  }
  return stored
}

/** Another process created the file a moment ago: give its write a moment to land. */
function readWritten(file: string): string {
  for (let attempt = 0; ; attempt++) {
    try {
      const stored = readStored(file)
      if (stored === null) throw new SessionSecretError(`${file} could not be created in ${path.dirname(file)}: set SESSION_SECRET or make DATA_DIR writable`)
      return stored
    } catch (error) {
      if (attempt >= 20) throw error
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
    }
  }
}

export function resolveSessionSecret(configured: string | null, dataDir: string): { secret: string; source: 'env' | 'file' | 'generated'; file?: string } {
  if (configured) return { secret: configured, source: 'env' }
  const file = path.join(dataDir, 'session-secret')
  const stored = readStored(file)
  if (stored !== null) return { secret: stored, source: 'file', file }
  // The data folder holds the database and this secret: only the server's user may read it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const secret = randomBytes(32).toString('hex')
  try {
    // 'wx': if another process wrote it first, use theirs.
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
    return { secret, source: 'generated', file }
  } catch {
    return { secret: readWritten(file), source: 'file', file }
  }
}
