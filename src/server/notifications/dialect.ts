import { PostgresAdapter, type Kysely } from 'kysely'
import type { SqlDialectName } from './migrations'

/**
 * Which SQL dialect a Kysely instance (or transaction) speaks. The publish transaction reaches
 * enqueueNewIssue without its storage object, so we ask Kysely's executor (marked internal in its
 * typings, but it is how Kysely's own plugins find the adapter) rather than widen the contract.
 */
export function dialectOf(db: Kysely<any>): SqlDialectName {
  const executor = (db as unknown as { getExecutor(): { adapter: unknown } }).getExecutor()
  return executor.adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
