/**
 * The same suite on both databases: `storageBackends` lists a SQLite temp file and (when reachable) a
 * fresh PostgreSQL schema per suite, dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describePostgres, TEST_DATABASE_URL } from '../../support/requirements'
import { adminQuery } from '../../support/postgres-admin'
import { openSqliteStorage } from '../../../src/server/storage/sqlite'
import { openPostgresStorage } from '../../../src/server/storage/postgres'
import type { Storage } from '../../../src/server/storage/storage'
import { closeRawDatabaseOf, rememberPlace } from './raw-database'

export interface Backend {
  name: 'sqlite' | 'postgres'
  describe: (name: string, fn: () => void) => void
  /** A fresh, migrated storage (tests may open a raw connection beside it: ./raw-database.ts). */
  open(): Promise<Storage>
  /** Drops what open() created (closing the storage is the caller's job). */
  cleanup(): Promise<void>
}

export function sqliteBackend(): Backend {
  let dir: string | null = null
  const opened: Storage[] = []
  return {
    name: 'sqlite',
    describe,
    async open() {
      dir = mkdtempSync(path.join(os.tmpdir(), 'ub-test-'))
      const sqliteFile = path.join(dir, 'bulletin.db')
      const storage = rememberPlace(openSqliteStorage(sqliteFile), { sqliteFile })
      opened.push(storage)
      await storage.migrate()
      return storage
    },
    async cleanup() {
      for (const storage of opened.splice(0)) await closeRawDatabaseOf(storage)
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

let schemaCounter = 0
const STALE_MS = 60 * 60 * 1000

/** Schemas left by a test run that was killed (their name carries their creation time). */
async function dropStaleSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string }>(`select nspname as name from pg_namespace where nspname like 'ub\\_test\\_%'`)
    for (const { name } of rows) {
      const created = Number(name.split('_')[3])
      if (Number.isFinite(created) && Date.now() - created > STALE_MS) await client.query(`drop schema if exists ${name} cascade`)
    }
  } finally {
    await client.end()
  }
}

function postgresBackend(): Backend {
  const schemas: string[] = []
  const opened: Storage[] = []
  const admin = adminQuery
  return {
    name: 'postgres',
    describe: describePostgres,
    async open() {
      await dropStaleSchemas()
      const schema = `ub_test_${process.pid}_${Date.now()}_${schemaCounter++}`
      await admin(`create schema ${schema}`)
      schemas.push(schema)
      const storage = rememberPlace(openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 4 }), { connectionString: TEST_DATABASE_URL, schema })
      opened.push(storage)
      try {
        await storage.migrate()
      } catch (error) {
        await storage.close()
        await admin(`drop schema if exists ${schema} cascade`)
        schemas.splice(schemas.indexOf(schema), 1)
        throw error
      }
      return storage
    },
    async cleanup() {
      for (const storage of opened.splice(0)) await closeRawDatabaseOf(storage)
      for (const schema of schemas.splice(0)) await admin(`drop schema if exists ${schema} cascade`)
    },
  }
}

/** Runs `fn` as one suite per backend: `${name} on sqlite`, `${name} on postgres`. */
export function describeOnEachBackend(name: string, fn: (backend: Backend) => void): void {
  for (const backend of [sqliteBackend(), postgresBackend()]) {
    backend.describe(`${name} on ${backend.name}`, () => fn(backend))
  }
}
