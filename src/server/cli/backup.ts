/**
 * `npm run --silent backup -- FILE` and `npm run --silent restore -- FILE`: a consistent copy of the
 * SQLite database (DATA_DIR/bulletin.db) taken while the server runs, and putting one back on a
 * stopped server. The pictures live in the database, so the copy holds them too. What else to keep:
 * SESSION_SECRET (or DATA_DIR/session-secret), else members sign in again. On PostgreSQL
 * (DATABASE_URL set) use pg_dump / pg_restore instead; this command says so.
 *
 * Exit codes: 0 done; 1 could not (the message says why); 64 bad usage.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { loadSettings, processEnvironment, type Env } from '../config'

export interface BackupIo {
  env: Env
  stdout(text: string): void
  stderr(text: string): void
}

const databaseFile = (dataDir: string) => path.join(dataDir, 'bulletin.db')

function checkIsBulletin(file: string): string | null {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const ok = db.pragma('integrity_check', { simple: true })
    if (ok !== 'ok') return `${file} is damaged (integrity check: ${String(ok)})`
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and name in ('issues', 'items')`).all()
    return tables.length === 2 ? null : `${file} is not a Union Bulletin database (no issues table)`
  } catch (error) {
    return `${file} cannot be read as a database: ${error instanceof Error ? error.message : String(error)}`
  } finally {
    db?.close()
  }
}

/** A consistent copy through SQLite's online backup: writers go on while it runs. */
export async function backup(target: string, io: BackupIo): Promise<number> {
  const { config } = loadSettings(io.env)
  if (config.databaseUrl) return say(io, 'backup: DATABASE_URL is set: back up PostgreSQL with pg_dump (see the README, "Operating it")')
  const source = databaseFile(config.dataDir)
  if (!existsSync(source)) return say(io, `backup: there is no database at ${source}`)
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
  const partial = `${target}.partial`
  const db = new Database(source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    // All remaining pages in one step: one read snapshot, so concurrent writes cannot restart it.
    await db.backup(partial, { progress: () => 0x7fffffff })
  } finally {
    db.close()
  }
  const problem = checkIsBulletin(partial)
  if (problem) {
    rmSync(partial, { force: true })
    return say(io, `backup: the copy failed its check: ${problem}`)
  }
  // The copy holds what the database does (the WeChat token, device ids): as private as it.
  chmodSync(partial, 0o600)
  renameSync(partial, target)
  io.stdout(`backed up ${source} to ${target} (${statSync(target).size} bytes)\n`)
  return 0
}

/** Puts a backup in place of DATA_DIR/bulletin.db. The server must be stopped. */
export function restore(backupFile: string, io: BackupIo, opts: { force?: boolean } = {}): number {
  const { config } = loadSettings(io.env)
  if (config.databaseUrl) return say(io, 'restore: DATABASE_URL is set: restore PostgreSQL with pg_restore or psql (see the README, "Operating it")')
  const problem = checkIsBulletin(backupFile)
  if (problem) return say(io, `restore: ${problem}`)
  const target = databaseFile(config.dataDir)
  // A running server keeps a write-ahead log beside the database; a stopped one has checkpointed it away.
  if (!opts.force && existsSync(`${target}-wal`) && statSync(`${target}-wal`).size > 0) {
    return say(io, `restore: ${target}-wal exists: stop the server first (or, if it is already stopped after a crash, run again with --force)`)
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  const incoming = `${target}.restoring`
  copyFileSync(backupFile, incoming)
  for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true })
  renameSync(incoming, target)
  io.stdout(`restored ${backupFile} to ${target}\n`)
  return 0
}

function say(io: BackupIo, message: string): number {
  io.stderr(`${message}\n`)
  return 1
}

if (require.main === module) {
  const [command, ...args] = process.argv.slice(2)
  const files = args.filter((a) => a !== '--' && a !== '--force')
  const io: BackupIo = { env: processEnvironment(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }
  if ((command !== 'backup' && command !== 'restore') || files.length !== 1) {
    process.stderr.write('usage: npm run --silent backup -- FILE | npm run --silent restore -- FILE [--force]\n')
    process.exitCode = 64
  } else {
    const run = command === 'backup' ? backup(files[0], io) : Promise.resolve(restore(files[0], io, { force: args.includes('--force') }))
    run.then(
      (code) => (process.exitCode = code),
      (error: unknown) => {
        process.stderr.write(`${command}: ${error instanceof Error ? error.message : String(error)}\n`)
        process.exitCode = 1
      },
    )
  }
}
