/**
 * Runs a Kysely Migrator to the latest version, turning a failure into one plain error.
 *
 * Why the retry: before migrating, Kysely's introspection scans the tables of *every* schema in the
 * database and checks USAGE on each schema. If some other schema is dropped during that scan (another
 * deployment sharing the database, or a parallel test suite cleaning up), PostgreSQL answers
 * 3F000 "schema … does not exist" about a schema that is not ours. Nothing was written then, so the
 * scan is simply run again.
 */
import type { Migrator } from 'kysely'

const VANISHED_SCHEMA = '3F000'
const ATTEMPTS = 5

export async function runMigrations(migrator: Migrator, what: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest()
    if (!error) return
    const vanished = (error as { code?: string }).code === VANISHED_SCHEMA && !results?.some((r) => r.status === 'Success')
    if (vanished && attempt < ATTEMPTS) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
      continue
    }
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`${what} ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
