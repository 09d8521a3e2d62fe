/** SQLite storage: one file, WAL mode, foreign keys on, waits (not fails) when another process writes. */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
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

export function openSqliteStorage(file: string): Storage {
  if (file !== ':memory:') makePrivate(file)
  const database = new BetterSqlite3(file)
  database.pragma('journal_mode = WAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  database.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  return createKyselyStorage(db, 'sqlite')
}
