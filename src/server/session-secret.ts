/**
 * SESSION_SECRET signs members' session tokens. When it is not configured, one is generated on first
 * start and kept in DATA_DIR/session-secret (mode 0600), so tokens survive restarts. Several
 * processes sharing a database must share the secret: set SESSION_SECRET for them (or share DATA_DIR).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function resolveSessionSecret(configured: string | null, dataDir: string): { secret: string; source: 'env' | 'file' | 'generated'; file?: string } {
  if (configured) return { secret: configured, source: 'env' }
  const file = path.join(dataDir, 'session-secret')
  try {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored.length >= 32) return { secret: stored, source: 'file', file }
  } catch {
    // not there yet: generate below
  }
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  try {
    // 'wx': if another process wrote it first, use theirs.
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
    return { secret, source: 'generated', file }
  } catch {
    return { secret: readFileSync(file, 'utf8').trim(), source: 'file', file }
  }
}
