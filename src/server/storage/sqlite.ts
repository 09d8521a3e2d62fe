/** SQLite storage: one file, WAL mode, foreign keys on, waits (not fails) when another process writes. */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema'
import type { Storage } from './storage'
import { createKyselyStorage } from './kysely-storage'

export function openSqliteStorage(file: string): Storage {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const database = new BetterSqlite3(file)
  database.pragma('journal_mode = WAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  database.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  return createKyselyStorage(db, 'sqlite')
}
