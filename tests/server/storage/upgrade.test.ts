/**
 * A database made by release 0.1 (two migration histories, ISO text times in the issue tables),
 * opened by today's storage: migrate() keeps every row with the same values (times the same
 * instants), leaves one history, and the app and the notifications go on working on it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { describePostgres, TEST_DATABASE_URL } from '../../support/requirements'
import { adminQuery } from '../../support/postgres-admin'
import { openSqliteStorage } from '../../../src/server/storage/sqlite'
import { openPostgresStorage } from '../../../src/server/storage/postgres'
import type { Dialect, Storage } from '../../../src/server/storage/storage'
import { enqueueNewIssue } from '../../../src/server/notifications'
import { closeRawDatabaseOf, openRawDatabase, rawDatabaseOf, rememberPlace, type DatabasePlace } from '../support/raw-database'
import { makeIssue } from '../support/archive'
import { testConfig } from '../notifications/support'
import { migrateAsRelease01 } from './release-0.1/migrate'
import { seedIssues, seedNotifications, TEMPLATE } from './release-0.1/seed'

/** Primary keys, to read every table in a stable order. */
const TABLES: Record<string, string[]> = {
  issues: ['id'],
  items: ['id'],
  members: ['id'],
  favourites: ['member_id', 'item_id'],
  counters: ['name'],
  notify_credits: ['member_id', 'template_id'],
  notify_subscribe_events: ['id'],
  notify_issue_messages: ['issue_id', 'template_id'],
  notify_deliveries: ['id'],
  notify_access_tokens: ['cache_key'],
}
/** Columns a later migration added (004: blocks and a source's role): NULL on every old row. */
const ADDED_LATER: Record<string, string[]> = { items: ['blocks', 'source_role'] }
const ISSUE_TIMES = ['issues.published_at', 'issues.imported_at', 'members.created_at', 'favourites.added_at']
/** bigint columns, which pg returns as strings. */
const BIGINTS = /^notify_\w+\.(id|\w+_at|lease_until)$/

/** A value as an instant or a number, whichever way it is stored: ISO text, a number, or pg's bigint string. */
function normalise(table: string, column: string, value: unknown): unknown {
  if (value === null || typeof value !== 'string') return value
  if (ISSUE_TIMES.includes(`${table}.${column}`)) return /^\d+$/.test(value) ? Number(value) : Date.parse(value)
  return BIGINTS.test(`${table}.${column}`) ? Number(value) : value
}

async function everyRow(db: Kysely<any>, tables = Object.keys(TABLES)) {
  const all: Record<string, Array<Record<string, unknown>>> = {}
  for (const table of tables) {
    const rows = await TABLES[table].reduce((q, key) => q.orderBy(key), db.selectFrom(table).selectAll()).execute()
    all[table] = rows.map((row: Record<string, unknown>) => {
      for (const column of ADDED_LATER[table] ?? []) {
        if (!(column in row)) continue
        expect([table, column, row[column]]).toEqual([table, column, null])
        delete row[column]
      }
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, normalise(table, k, v)]))
    })
  }
  return all
}

async function tableNames(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const query =
    dialect === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table'`
  return (await query.execute(db)).rows.map((r) => r.name).sort()
}

interface Backend {
  dialect: Dialect
  describe: (name: string, fn: () => void) => void
  /** An empty database, and the storage that opens it. */
  create(): Promise<{ place: DatabasePlace; open(): Storage }>
  cleanup(): Promise<void>
}

const sqlite = (): Backend => {
  const dirs: string[] = []
  return {
    dialect: 'sqlite',
    describe,
    async create() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-upgrade-'))
      dirs.push(dir)
      const sqliteFile = path.join(dir, 'bulletin.db')
      return { place: { sqliteFile }, open: () => openSqliteStorage(sqliteFile) }
    },
    async cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
    },
  }
}

const postgres = (): Backend => {
  const schemas: string[] = []
  return {
    dialect: 'postgres',
    describe: describePostgres,
    async create() {
      const schema = `ub_test_${process.pid}_${Date.now()}_upgrade${schemas.length}`
      await adminQuery(`create schema ${schema}`)
      schemas.push(schema)
      return { place: { connectionString: TEST_DATABASE_URL, schema }, open: () => openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 4 }) }
    },
    async cleanup() {
      for (const schema of schemas.splice(0)) await adminQuery(`drop schema if exists ${schema} cascade`)
    },
  }
}

for (const backend of [sqlite(), postgres()]) {
  backend.describe(`upgrade from release 0.1 on ${backend.dialect}`, () => {
    const opened: Storage[] = []
    /** A database as release 0.1 left it: its migrations run the way it ran them, then its rows. */
    async function release01(opts = { notifications: true }) {
      const { place, open } = await backend.create()
      const old = openRawDatabase<any>(place)
      try {
        await migrateAsRelease01(old, backend.dialect, opts)
        const ids = await seedIssues(old)
        if (opts.notifications) await seedNotifications(old, ids)
        const first = await old.selectFrom('issues').select('published_at').orderBy('id').executeTakeFirstOrThrow()
        expect(first.published_at).toBe('2026-11-27T08:15:30.123Z') // text, as that release wrote it
        const before = await everyRow(old, opts.notifications ? undefined : ['issues', 'items', 'members', 'favourites', 'counters'])
        const storage = rememberPlace(open(), place)
        opened.push(storage)
        await storage.migrate()
        return { ids, before, storage }
      } finally {
        await old.destroy()
      }
    }
    afterAll(async () => {
      for (const storage of opened) await storage.close().then(() => closeRawDatabaseOf(storage))
      await backend.cleanup()
    })

    it('keeps every row of every table, with times as the same instants, under one migration history', async () => {
      const { before, storage } = await release01()
      const raw = rawDatabaseOf(storage)
      expect(await everyRow(raw)).toEqual(before)
      const stored = await raw.selectFrom('issues').select(['published_at', 'imported_at']).orderBy('id').executeTakeFirstOrThrow()
      expect(String(stored.published_at)).toMatch(/^\d+$/) // a number now, not text
      expect(await tableNames(raw, backend.dialect)).not.toContain('notify_migration')
      expect(await tableNames(raw, backend.dialect)).not.toContain('notify_migration_lock')
      const history = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(raw)
      expect(history.rows.map((r) => r.name)).toEqual([
        '2026-11-26-001-initial',
        '2026-12-01-002-notifications',
        '2026-12-01-003-epoch-times',
        '2026-12-08-004-blocks-and-media',
        '2026-12-15-005-editors-and-audit',
        '2026-12-15-006-sources-and-corrections',
      ])
      expect(await raw.selectFrom('media').selectAll().execute()).toEqual([])
      expect(await raw.selectFrom('issue_media').selectAll().execute()).toEqual([])
      await storage.migrate() // and again: nothing left to do
      expect(await everyRow(raw)).toEqual(before)
    })

    it('reads the old issues, members and favourites as the app did', async () => {
      const { ids, storage } = await release01()
      const issue = (await storage.getIssue(ids.published))!
      expect(issue).toMatchObject({ status: 'published', publishedAt: '2026-11-27T08:15:30.123Z', importedAt: '2026-11-27T08:00:00.001Z', label: '〔2020〕第二十期' })
      expect(issue.sections.map((s) => s.items.map((i) => i.id))).toEqual([ids.articles, [ids.articles[1] + 1]])
      expect(await storage.getIssue(ids.draft)).toBeNull()
      expect((await storage.getIssue(ids.draft, { includeDrafts: true }))?.publishedAt).toBeNull()
      expect((await storage.listPublished(10)).items.map((i) => [i.id, i.publishedAt])).toEqual([[ids.published, '2026-11-27T08:15:30.123Z']])
      expect((await storage.listAll()).map((i) => i.importedAt)).toEqual(['2026-11-28T23:59:59.999Z', '2026-11-27T08:00:00.001Z'])
      expect((await storage.getArticle(ids.articles[1]))?.previousId).toBe(ids.articles[0])
      expect(await storage.getMember(ids.members.dave)).toEqual({ id: ids.members.dave, openid: 'o-dave', deviceId: null, createdAt: '2026-11-29T01:02:03.456Z' })
      expect(await storage.memberByDevice('d-bob')).toMatchObject({ id: ids.members.bob, createdAt: '2026-11-27T09:00:00.500Z' })
      expect((await storage.listFavourites(ids.members.alice)).map((f) => [f.articleId, f.addedAt])).toEqual([
        [ids.articles[1], '2026-11-27T11:00:00.020Z'],
        [ids.articles[0], '2026-11-27T10:00:00.010Z'],
      ])
      expect(await storage.publishedVersion()).toBe(4)
    })

    it('goes on with the old deliveries, credits and token, and notifies for a new issue', async () => {
      const { ids, storage } = await release01()
      const notifications = storage.notifications
      expect(await notifications.deliveryCounts(ids.published)).toEqual({ queued: 1, sending: 1, sent: 1, refused: 1, failed: 1, cancelled: 1, total: 6 })
      const progress = await notifications.deliveryProgress(ids.published)
      expect(progress).toMatchObject({
        inDoubt: 1,
        recentFailures: [
          { memberId: ids.members.erin, status: 'queued', errcode: 45009, attempts: 2, at: new Date(Date.parse('2026-11-27T08:15:30.123Z') + 3000).toISOString() },
          { memberId: ids.members.dave, status: 'failed', errcode: 47003, attempts: 3 },
        ],
      })
      expect(await notifications.creditsOf(ids.members.alice, TEMPLATE)).toBe(2)
      expect(await notifications.readAccessToken('wx-appid')).toEqual({ accessToken: 'ACCESS-TOKEN-1', expiresAt: Date.parse('2026-11-27T08:15:30.123Z') + 7_200_000 })
      // A day later the old sending row's lease has expired: it comes back; the retry is due; both are claimed.
      const dayLater = Date.parse('2026-11-28T08:15:30.123Z')
      expect(await notifications.releaseExpiredLeases(dayLater)).toBe(1)
      expect((await notifications.claimDue('upgrade', 10, 60_000, dayLater)).map((d) => d.memberId).sort()).toEqual([ids.members.erin, ids.members.frank].sort())

      const { issue: draft } = await storage.saveDraft(makeIssue(2021, 3))
      expect(draft.id).toBeGreaterThan(ids.draft) // the id sequences went on
      await storage.publishIssue(draft.id, { inTransaction: async (tx, issue) => void (await enqueueNewIssue(tx.notifications, issue, testConfig())) })
      expect(await notifications.deliveryCounts(draft.id)).toMatchObject({ queued: 1, total: 1 }) // alice, the one credit holder
      expect(await notifications.recordSubscribeResult(ids.members.carol, TEMPLATE, 'accept')).toBe(1)
      expect((await storage.memberByOpenid('o-new')).id).toBeGreaterThan(ids.members.frank)
      const article = draft.sections[0].items[0].id
      expect(await storage.addFavourite(ids.members.bob, article)).toMatchObject({ articleId: article, issueId: draft.id })
    })

    it('makes the notification tables for a database on which release 0.1 never made them', async () => {
      const { ids, before, storage } = await release01({ notifications: false })
      expect(await everyRow(rawDatabaseOf(storage), Object.keys(before))).toEqual(before)
      expect(await storage.notifications.recordSubscribeResult(ids.members.alice, TEMPLATE, 'accept')).toBe(1)
      expect(await storage.notifications.deliveryCounts(ids.published)).toMatchObject({ total: 0 })
    })
  })
}
