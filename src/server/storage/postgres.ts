/**
 * PostgreSQL storage through a pg Pool. `schema` (optional) sets the search_path of every connection,
 * which is how tests give each suite a fresh schema.
 */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import type { Storage } from './storage'
import { createKyselyStorage } from './kysely-storage'

export interface PostgresOptions {
  connectionString: string
  schema?: string
  maxConnections?: number
}

export function openPostgresStorage({ connectionString, schema, maxConnections = 10 }: PostgresOptions): Storage {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`)
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return createKyselyStorage(db, 'postgres')
}
