/**
 * Migrates a database the way release 0.1 did: its storage.migrate() (src/server/storage/
 * kysely-storage.ts at d23530c), then migrateNotifications(), two histories side by side.
 */
import { Migrator, sql, type Kysely } from 'kysely'
import type { Dialect } from './storage/storage'
import { migrationProvider } from './storage/migrations'
import { runMigrations } from './storage/run-migrations'
import { migrateNotifications } from './notifications/migrations'

export async function migrateAsRelease01(db: Kysely<any>, dialect: Dialect, opts: { notifications: boolean } = { notifications: true }): Promise<void> {
  const schema = dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined
  const migrator = new Migrator({ db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) })
  await runMigrations(migrator, 'database migration')
  // The import CLI of that release, storing drafts without --publish, never made the notification tables.
  if (opts.notifications) await migrateNotifications(db, dialect)
}
