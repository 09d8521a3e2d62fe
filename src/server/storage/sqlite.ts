/** SQLite storage: one file, WAL mode, foreign keys on, waits (not fails) when another process writes. */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection } from 'kysely'
import type { Database } from './schema'
import type { Storage } from './storage'
import { createKyselyStorage } from './kysely-storage'

/**
 * The database holds the WeChat access token and the device ids that work as sign-in credentials:
 * only the server's user may read it. The folder is made 0700 and the file 0600 before SQLite opens
 * it; SQLite gives its -wal and -shm files the database file's mode.
 */
function makePrivate(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  closeSync(openSync(file, 'a', 0o600))
  chmodSync(file, 0o600)
}

/**
 * Every write transaction begins IMMEDIATE: it takes the write lock at once, waiting up to
 * busy_timeout for another process's writer. A plain BEGIN that reads first and writes later (a draft
 * saved after looking up its year and number) cannot wait for the lock when another process wrote
 * meanwhile: SQLite answers "database is locked" at once (seen with two processes on one file).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

export function openSqliteStorage(file: string): Storage {
  if (file !== ':memory:') makePrivate(file)
  const database = new BetterSqlite3(file)
  database.pragma('journal_mode = WAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  database.pragma('synchronous = NORMAL')
  const dialect = new SqliteDialect({ database })
  dialect.createDriver = () => new ImmediateSqliteDriver({ database })
  const db = new Kysely<Database>({ dialect })
  return createKyselyStorage(db, 'sqlite')
}
