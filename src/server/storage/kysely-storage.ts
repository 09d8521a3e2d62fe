/**
 * The Storage interface over any Kysely database. SQLite and PostgreSQL run these same queries, so
 * they behave the same; ./sqlite.ts and ./postgres.ts only open the connection.
 */
import { Migrator, sql, type Kysely } from 'kysely'
import type { Database } from './schema'
import type { Dialect, Storage } from './storage'
import { migrationProvider } from './migrations'
import { createNotificationStore } from './notifications/store'
import { runMigrations } from './run-migrations'
import { listAll, listPublished, loadArticle, loadIssue, loadMedia } from './issue-reads'
import { deleteIssue, readPublishedVersion, replaceIssue, saveDraft, setStatus } from './issue-writes'
import { loadSource } from './sources'
import { addFavourite, getMember, listFavourites, memberBy, removeFavourite } from './members'
import { publishedSearchDocuments } from './search-documents'
import { createEditorStore } from './editors'
import { createAuditStore } from './audit'

/** `dialect` is what the caller opened (./sqlite.ts or ./postgres.ts), not guessed from Kysely. */
export function createKyselyStorage(db: Kysely<Database>, dialect: Dialect): Storage {
  return {
    dialect,
    notifications: createNotificationStore(db, dialect),
    editors: createEditorStore(db),
    audit: createAuditStore(db),
    async migrate() {
      // One history for every table (./migrations). Kysely looks for its migration tables in every
      // schema unless told which one; another schema's tables (another app, or a parallel test)
      // must not count as ours.
      const schema = dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined
      const migrator = new Migrator({ db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) })
      await runMigrations(migrator, 'database migration')
    },
    close: () => db.destroy(),
    saveDraft: (issue, opts) => saveDraft(db, issue, opts?.replacePublished ?? false, { media: opts?.media, source: opts?.source }),
    replaceIssue: (id, issue, change) => replaceIssue(db, dialect, id, issue, change),
    getSource: (id) => loadSource(db, id),
    getMedia: (id, opts) => loadMedia(db, id, opts?.includeDrafts ?? false),
    getIssue: (id, opts) => loadIssue(db, id, opts?.includeDrafts ?? false),
    listPublished: (limit, after) => listPublished(db, limit, after),
    listAll: () => listAll(db),
    async countIssues() {
      const row = await db
        .selectFrom('issues')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    getArticle: (id, opts) => loadArticle(db, id, opts?.includeDrafts ?? false),
    publishIssue: (id, opts) => setStatus(db, dialect, id, 'published', opts),
    unpublishIssue: (id, opts) => setStatus(db, dialect, id, 'draft', opts),
    deleteIssue: (id, opts) => deleteIssue(db, dialect, id, opts),
    publishedVersion: () => readPublishedVersion(db),
    publishedSearchDocuments: () => publishedSearchDocuments(db),
    memberByOpenid: (openid) => memberBy(db, 'openid', openid),
    memberByDevice: (deviceId) => memberBy(db, 'device_id', deviceId),
    getMember: (id) => getMember(db, id),
    listFavourites: (memberId) => listFavourites(db, memberId),
    addFavourite: (memberId, articleId) => addFavourite(db, memberId, articleId),
    removeFavourite: (memberId, articleId) => removeFavourite(db, memberId, articleId),
  }
}
