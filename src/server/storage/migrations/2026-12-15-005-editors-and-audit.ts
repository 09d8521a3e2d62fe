/**
 * The editors' console: accounts (`editors`: name, role, scrypt hash, disabled), their sessions
 * (`console_sessions`, in the database so that every server process on it knows them; only a
 * sha256 of each token is kept, so a copy of the database signs nobody in) and the audit log
 * (`audit_log`: who did what to which issue, when, from where). Who prepared and who published an
 * issue is read from the audit log, so the issue tables do not change. `audit_log.issue_id` has no
 * foreign key: the log outlives a deleted issue. Times are epoch milliseconds, as elsewhere.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely'
import type { Dialect } from '../storage'

export function editorsAndAudit(dialect: Dialect): Migration {
  const idColumn = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement())
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('editors')
        .addColumn('id', 'integer', idColumn)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('editor', 'chief')`))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('console_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('editor_id', 'integer', (c) => c.notNull().references('editors.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('console_sessions_editor').on('console_sessions').column('editor_id').execute()
      await db.schema.createIndex('console_sessions_expiry').on('console_sessions').column('expires_at').execute()

      await db.schema
        .createTable('audit_log')
        .addColumn('id', dialect === 'postgres' ? 'bigint' : 'integer', idColumn)
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('editor_id', 'integer', (c) => c.references('editors.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('issue_id', 'integer')
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute()
      await db.schema.createIndex('audit_log_issue').on('audit_log').columns(['issue_id', 'at']).execute()
    },
  }
}
