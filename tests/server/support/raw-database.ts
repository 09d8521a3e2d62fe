/**
 * Test-only: a connection of its own to the database a storage uses, for rows the app has no method
 * for (what a delivery row holds, every credit set to zero, a pre-upgrade database's rows). The app
 * itself only ever goes through the Storage interface.
 */
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../../../src/server/storage/schema'
import type { Storage } from '../../../src/server/storage/storage'

export type DatabasePlace = { sqliteFile: string } | { connectionString: string; schema: string }

export function openRawDatabase<DB = Database>(place: DatabasePlace): Kysely<DB> {
  if ('sqliteFile' in place) {
    const database = new BetterSqlite3(place.sqliteFile)
    database.pragma('busy_timeout = 5000')
    return new Kysely<DB>({ dialect: new SqliteDialect({ database }) })
  }
  const pool = new pg.Pool({ connectionString: place.connectionString, max: 2, options: `-c search_path=${place.schema}` })
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
}

const places = new WeakMap<Storage, DatabasePlace>()
const opened = new Map<Storage, Kysely<Database>>()

/** Notes where a test's storage lives, so that rawDatabaseOf can open a connection beside it. */
export function rememberPlace<S extends Storage>(storage: S, place: DatabasePlace): S {
  places.set(storage, place)
  return storage
}

/** The test's own connection to this storage's database (opened on first use). */
export function rawDatabaseOf(storage: Storage): Kysely<Database> {
  const existing = opened.get(storage)
  if (existing) return existing
  const place = places.get(storage)
  if (!place) throw new Error('rawDatabaseOf: this storage was not opened through rememberPlace')
  const db = openRawDatabase(place)
  opened.set(storage, db)
  return db
}

/** Closes it, if it was opened (before the file or schema is removed). */
export async function closeRawDatabaseOf(storage: Storage): Promise<void> {
  const db = opened.get(storage)
  opened.delete(storage)
  await db?.destroy()
}
