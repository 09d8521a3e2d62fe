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
  // An idle pooled connection that the server closes (pg_terminate_backend, a restart, a failover,
  // idle_session_timeout, a proxy) emits 'error' on the pool; unheard, that event ends the process.
  // The pool has already dropped the connection and opens a new one on the next query, so there is
  // nothing to do here: requests meanwhile answer 503 (storage/unavailable.ts).
  pool.on('error', () => undefined)
  // A connection that is checked out when its backend goes emits 'error' on itself, not the pool:
  // the query in flight fails (and answers 503), the event must not end the process.
  pool.on('connect', (client) => client.on('error', () => undefined))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return createKyselyStorage(db, 'postgres')
}
