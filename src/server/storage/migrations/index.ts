/**
 * The one migration history of the database (Kysely's table `kysely_migration`): issue tables,
 * notification tables, everything. Kept in code so it ships with the server; one file per migration,
 * named so that they sort in the order they run.
 */
import type { MigrationProvider } from 'kysely'
import type { Dialect } from '../storage'
import { initial } from './2026-11-26-001-initial'
import { notifications } from './2026-12-01-002-notifications'
import { epochTimes } from './2026-12-01-003-epoch-times'
import { blocksAndMedia } from './2026-12-08-004-blocks-and-media'
import { editorsAndAudit } from './2026-12-15-005-editors-and-audit'
import { sourcesAndCorrections } from './2026-12-15-006-sources-and-corrections'

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '2026-11-26-001-initial': initial(dialect),
        '2026-12-01-002-notifications': notifications(dialect),
        '2026-12-01-003-epoch-times': epochTimes(dialect),
        '2026-12-08-004-blocks-and-media': blocksAndMedia(dialect),
        '2026-12-15-005-editors-and-audit': editorsAndAudit(dialect),
        '2026-12-15-006-sources-and-corrections': sourcesAndCorrections(dialect),
      }
    },
  }
}
