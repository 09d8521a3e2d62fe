/**
 * One representation of time: the issue tables' ISO text times become epoch milliseconds, like the
 * notification tables' (issues.published_at and imported_at, members.created_at, favourites.added_at).
 * Every row is converted in SQL; a text that does not read as a time stops the migration (a NOT NULL
 * column refuses the NULL) rather than losing the row's time.
 */
import { sql, type Kysely, type Migration } from 'kysely'
import type { Dialect } from '../storage'

const COLUMNS = [
  { table: 'issues', column: 'published_at', notNull: false },
  { table: 'issues', column: 'imported_at', notNull: true },
  { table: 'members', column: 'created_at', notNull: true },
  { table: 'favourites', column: 'added_at', notNull: true },
] as const

type Column = (typeof COLUMNS)[number]

export function epochTimes(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        // The Migrator runs this in a transaction on PostgreSQL; the type change keeps NOT NULL.
        for (const { table, column } of COLUMNS) {
          await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type bigint
            using round(extract(epoch from ${sql.ref(column)}::timestamptz) * 1000)::bigint`.execute(db)
        }
        return
      }
      // Kysely runs SQLite migrations outside a transaction; this one makes its own, so a crash leaves
      // either every column converted or none.
      await db.transaction().execute(async (trx) => {
        for (const c of COLUMNS) await convertSqliteColumn(trx, c)
      })
    },
  }
}

/**
 * SQLite cannot change a column's type: add an integer column, fill it, drop the text one, rename.
 * (Rebuilding the table instead would need foreign keys off, which SQLite ignores inside a
 * transaction, and dropping `issues` would then cascade to every item.) An added NOT NULL column
 * needs a default; every write gives the time explicitly, so the 0 is never used.
 */
async function convertSqliteColumn(db: Kysely<unknown>, { table, column, notNull }: Column): Promise<void> {
  const fresh = `${column}_ms`
  const type = notNull ? sql`integer not null default 0` : sql`integer`
  await sql`alter table ${sql.table(table)} add column ${sql.ref(fresh)} ${type}`.execute(db)
  const old = sql.ref(column)
  // strftime('%s') is whole seconds, '%f' is SS.SSS: integer arithmetic, no floating-point rounding.
  // NULL stays NULL (an unpublished issue's published_at).
  await sql`update ${sql.table(table)}
    set ${sql.ref(fresh)} = cast(strftime('%s', ${old}) as integer) * 1000 + cast(substr(strftime('%f', ${old}), 4, 3) as integer)`.execute(db)
  await sql`alter table ${sql.table(table)} drop column ${old}`.execute(db)
  await sql`alter table ${sql.table(table)} rename column ${sql.ref(fresh)} to ${old}`.execute(db)
}
