/**
 * The notification tables, which until now had a migration history of their own (tables
 * notify_migration and notify_migration_lock, migration '0001_notifications'). A database made by
 * that release has them already, so each is created only if missing, exactly as 0001 made it; the
 * old history tables go, this history is the only one now.
 * Times are epoch milliseconds in `bigint` columns: one representation on SQLite and PostgreSQL.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely'
import type { Dialect } from '../storage'

export function notifications(dialect: Dialect): Migration {
  const idColumn = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement())
  const idType = dialect === 'postgres' ? 'bigint' : 'integer'
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notify_credits')
        .ifNotExists()
        .addColumn('member_id', 'integer', (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('credits', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notify_credits_pk', ['member_id', 'template_id'])
        .execute()
      // Members holding credits for a template, found fast at publish time.
      await db.schema
        .createIndex('notify_credits_template')
        .ifNotExists()
        .on('notify_credits')
        .columns(['template_id', 'member_id'])
        .where(sql.raw<boolean>('credits > 0'))
        .execute()

      await db.schema
        .createTable('notify_subscribe_events')
        .ifNotExists()
        .addColumn('id', idType, idColumn)
        .addColumn('member_id', 'integer', (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute()

      // One row per issue and template: the message body every delivery of that issue sends.
      await db.schema
        .createTable('notify_issue_messages')
        .ifNotExists()
        .addColumn('issue_id', 'integer', (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('page', 'text', (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notify_issue_messages_pk', ['issue_id', 'template_id'])
        .execute()

      await db.schema
        .createTable('notify_deliveries')
        .ifNotExists()
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
        .addColumn('in_doubt', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('batch_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .execute()
      // At most one live delivery per issue, member and template (a cancelled one may be re-enqueued).
      await db.schema
        .createIndex('notify_deliveries_once')
        .ifNotExists()
        .unique()
        .on('notify_deliveries')
        .columns(['issue_id', 'member_id', 'template_id'])
        .where(sql.raw<boolean>(`status <> 'cancelled'`))
        .execute()
      await db.schema
        .createIndex('notify_deliveries_due')
        .ifNotExists()
        .on('notify_deliveries')
        .columns(['next_attempt_at', 'id'])
        .where(sql.raw<boolean>(`status = 'queued'`))
        .execute()
      await db.schema.createIndex('notify_deliveries_leases').ifNotExists().on('notify_deliveries').columns(['lease_until']).where(sql.raw<boolean>(`status = 'sending'`)).execute()
      await db.schema.createIndex('notify_deliveries_issue').ifNotExists().on('notify_deliveries').columns(['issue_id', 'status']).execute()

      await db.schema
        .createTable('notify_access_tokens')
        .ifNotExists()
        .addColumn('cache_key', 'text', (c) => c.primaryKey())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute()

      await db.schema.dropTable('notify_migration').ifExists().execute()
      await db.schema.dropTable('notify_migration_lock').ifExists().execute()
    },
  }
}
