/**
 * The notification tables, migrated by their own Kysely Migrator (own history and lock tables) so
 * they live beside the backend's migrations in the same database without either knowing the other.
 * Times are epoch milliseconds in `bigint` columns: one representation on SQLite and PostgreSQL.
 */
import { Migrator, sql, type Kysely, type Migration, type ColumnDefinitionBuilder } from 'kysely'
import { runMigrations } from '../storage/run-migrations'

export type SqlDialectName = 'sqlite' | 'postgres'

export const NOTIFY_MIGRATION_TABLE = 'notify_migration'
export const NOTIFY_MIGRATION_LOCK_TABLE = 'notify_migration_lock'

function migrations(dialect: SqlDialectName): Record<string, Migration> {
  const idColumn = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement())
  const idType = dialect === 'postgres' ? 'bigint' : 'integer'
  return {
    '0001_notifications': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('notify_credits')
          .addColumn('member_id', 'integer', (c) => c.notNull())
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('credits', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('notify_credits_pk', ['member_id', 'template_id'])
          .execute()
        // Members holding credits for a template, found fast at publish time.
        await db.schema.createIndex('notify_credits_template').on('notify_credits').columns(['template_id', 'member_id']).where(sql.raw<boolean>('credits > 0')).execute()

        await db.schema
          .createTable('notify_subscribe_events')
          .addColumn('id', idType, idColumn)
          .addColumn('member_id', 'integer', (c) => c.notNull())
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute()

        // One row per issue and template: the message body every delivery of that issue sends.
        await db.schema
          .createTable('notify_issue_messages')
          .addColumn('issue_id', 'integer', (c) => c.notNull())
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('page', 'text', (c) => c.notNull())
          .addColumn('data_json', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('notify_issue_messages_pk', ['issue_id', 'template_id'])
          .execute()

        await db.schema
          .createTable('notify_deliveries')
          .addColumn('id', idType, idColumn)
          .addColumn('issue_id', 'integer', (c) => c.notNull())
          .addColumn('member_id', 'integer', (c) => c.notNull())
          .addColumn('openid', 'text', (c) => c.notNull())
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull()) // queued | sending | sent | refused | failed | cancelled
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
          .addColumn('last_errcode', 'integer')
          .addColumn('last_error', 'text')
          .addColumn('msgid', 'text')
          .addColumn('claimed_by', 'text')
          .addColumn('lease_until', 'bigint')
          // Times a claim expired with its send's outcome unknown (see worker.ts on exactly-once).
          .addColumn('in_doubt', 'integer', (c) => c.notNull().defaultTo(0))
          // Which bulk operation (enqueue or cancel) last touched the row: lets the credit update match it.
          .addColumn('batch_id', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addColumn('sent_at', 'bigint')
          .execute()
        // At most one live delivery per issue, member and template (a cancelled one may be re-enqueued).
        await db.schema
          .createIndex('notify_deliveries_once')
          .unique()
          .on('notify_deliveries')
          .columns(['issue_id', 'member_id', 'template_id'])
          .where(sql.raw<boolean>(`status <> 'cancelled'`))
          .execute()
        await db.schema.createIndex('notify_deliveries_due').on('notify_deliveries').columns(['next_attempt_at', 'id']).where(sql.raw<boolean>(`status = 'queued'`)).execute()
        await db.schema.createIndex('notify_deliveries_leases').on('notify_deliveries').columns(['lease_until']).where(sql.raw<boolean>(`status = 'sending'`)).execute()
        await db.schema.createIndex('notify_deliveries_issue').on('notify_deliveries').columns(['issue_id', 'status']).execute()

        // The WeChat access token, shared by every process on this database.
        await db.schema
          .createTable('notify_access_tokens')
          .addColumn('cache_key', 'text', (c) => c.primaryKey())
          .addColumn('token', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute()
      },
      async down(db: Kysely<any>) {
        for (const t of ['notify_access_tokens', 'notify_deliveries', 'notify_issue_messages', 'notify_subscribe_events', 'notify_credits']) {
          await db.schema.dropTable(t).ifExists().execute()
        }
      },
    },
  }
}

/** Brings the notification tables up to date; safe to call from several processes at once. */
export async function migrateNotifications(db: Kysely<any>, dialect: SqlDialectName): Promise<void> {
  // On PostgreSQL, name the current schema: Kysely otherwise finds our history table in *any*
  // schema of the database (another deployment's, a parallel test's) and skips creating ours.
  const schema = dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: NOTIFY_MIGRATION_TABLE,
    migrationLockTableName: NOTIFY_MIGRATION_LOCK_TABLE,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  await runMigrations(migrator, 'notification migration')
}
