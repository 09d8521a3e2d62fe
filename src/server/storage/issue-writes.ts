/** Writing issues: import as draft (with replacement), publish, unpublish, delete. All transactional. */
import type { Insertable, Kysely, Transaction } from 'kysely'
import { blocksOf, type Issue, type StoredIssue } from '../../core/bulletin'
import type { Database } from './schema'
import { StorageError } from './errors'
import type { RecordedEdit } from '../../core/check'
import type { Stream } from '../../core/import'
import type { Dialect, StatusChangeOptions, StorageTransaction, StoredMedia } from './storage'

/** How an issue was changed in place (see replaceIssue). */
export interface IssueChange {
  media?: StoredMedia[]
  /** The stream the new content was read from; undefined keeps the stored one. */
  source?: Stream | null
  edit: Omit<RecordedEdit, 'at'>
  /** A correction of a published issue: the note each changed article gains. */
  correction?: { note: string }
  /**
   * What the change was made from: refused (StorageError edit-conflict, nothing written) unless the
   * issue, read inside the change's transaction, still has this status and, when given, this many
   * recorded edits (so a publish, or another edit, in between is not silently overwritten).
   */
  expect?: IssueExpectation
}

export interface IssueExpectation {
  status: 'draft' | 'published'
  edits?: number
}
import { headerOf, itemValuesOf, now } from './rows'
import { contentKey, matchItems } from './item-matching'
import { addCorrections, recordEdit, writeSource } from './sources'
import { loadIssue } from './issue-reads'
import { notificationWrites } from './notifications/store'
import { auditWrites } from './audit'

/** What the callbacks of publish/unpublish/delete get: writes bound to this transaction. */
function transactionScope(trx: Transaction<Database>, dialect: Dialect): StorageTransaction {
  return { notifications: notificationWrites(trx, dialect), audit: auditWrites(trx) }
}

export async function bumpPublishedVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'published_version')
    .execute()
}

export async function readPublishedVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'published_version').executeTakeFirstOrThrow()
  return Number(row.value)
}

/**
 * Rows per statement. An item row binds 11 values; SQLite allows 32,766 bound variables per statement
 * and PostgreSQL 65,535, so an issue of 4,000 or 7,000 items in one INSERT failed. 500 rows (5,500
 * values) stay well under both, and the transaction around them keeps the write all-or-nothing.
 */
const ROWS_PER_STATEMENT = 500

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size)
}

async function insertItems(trx: Kysely<Database>, rows: Insertable<Database['items']>[]): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) await trx.insertInto('items').values(chunk).execute()
}

/** What is kept beside an issue's content: the stream it was read from (null: none). */
export interface DraftExtras {
  media?: StoredMedia[]
  source?: Stream | null
}

export async function saveDraft(db: Kysely<Database>, issue: Issue, replacePublished: boolean, extras: DraftExtras = {}): Promise<{ issue: StoredIssue; replaced: boolean }> {
  try {
    return await saveDraftOnce(db, issue, replacePublished, extras)
  } catch (error) {
    // Two imports of the same year+number at once (two editors, or several servers seeding an empty
    // database): both saw no issue and both inserted; the loser now runs again and takes the ordinary
    // path (replace the draft, or refuse to overwrite a published issue).
    if (isUniqueViolation(error)) return saveDraftOnce(db, issue, replacePublished, extras)
    throw error
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

async function saveDraftOnce(db: Kysely<Database>, issue: Issue, replacePublished: boolean, extras: DraftExtras): Promise<{ issue: StoredIssue; replaced: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('issues').selectAll().where('year', '=', issue.year).where('number', '=', issue.number).executeTakeFirst()
    if (existing?.status === 'published' && !replacePublished) {
      throw StorageError.publishedConflict({ id: existing.id, label: issue.label, year: issue.year, number: issue.number })
    }
    const fields = { label: issue.label, date: issue.date, header: headerOf(issue), imported_at: now() }
    let id: number
    if (existing) {
      id = existing.id
      await trx.updateTable('issues').set(fields).where('id', '=', id).execute()
      await replaceItems(trx, id, issue)
      if (existing.status === 'published') await bumpPublishedVersion(trx)
    } else {
      const inserted = await trx
        .insertInto('issues')
        .values({ ...fields, year: issue.year, number: issue.number, status: 'draft', published_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = Number(inserted.id)
      const values = itemValuesOf(issue).map((v) => ({ ...v, issue_id: id }))
      await insertItems(trx, values)
    }
    await linkMedia(trx, id, issue, extras.media ?? [])
    await writeSource(trx, id, extras.source ?? null)
    const stored = await loadIssue(trx, id, true)
    return { issue: stored!, replaced: existing !== undefined }
  })
}

/**
 * Puts `issue` in place of the stored issue `id` (a fixed draft, or a corrected published issue,
 * which stays published), with its source, the edit that made it and, for a correction, the note
 * every changed article gains. null when there is no such issue. Refused (published-conflict) when
 * another issue already has the new year and number.
 */
export async function replaceIssue(
  db: Kysely<Database>,
  dialect: Dialect,
  id: number,
  issue: Issue,
  change: IssueChange,
): Promise<{ issue: StoredIssue; corrected: number[] } | null> {
  return db.transaction().execute(async (trx) => {
    // PostgreSQL: the row is locked until commit, so a concurrent edit or publish waits and then
    // reads what this one wrote. SQLite runs one write transaction at a time.
    let read = trx.selectFrom('issues').select(['id', 'status']).where('id', '=', id)
    if (dialect === 'postgres') read = read.forUpdate()
    const existing = await read.executeTakeFirst()
    if (!existing) return null
    if (change.expect) {
      if (existing.status !== change.expect.status) throw StorageError.editConflict()
      if (change.expect.edits !== undefined) {
        const row = await trx
          .selectFrom('issue_edits')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('issue_id', '=', id)
          .executeTakeFirstOrThrow()
        if (Number(row.n) !== change.expect.edits) throw StorageError.editConflict()
      }
    }
    const other = await trx.selectFrom('issues').select(['id', 'label']).where('year', '=', issue.year).where('number', '=', issue.number).where('id', '!=', id).executeTakeFirst()
    if (other) throw StorageError.numberTaken({ id: other.id, label: other.label, year: issue.year, number: issue.number })
    const at = now()
    await trx
      .updateTable('issues')
      .set({ year: issue.year, number: issue.number, label: issue.label, date: issue.date, header: headerOf(issue), imported_at: at })
      .where('id', '=', id)
      .execute()
    const { changed } = await replaceItems(trx, id, issue)
    await linkMedia(trx, id, issue, change.media ?? [])
    if (change.source !== undefined) await writeSource(trx, id, change.source)
    await recordEdit(trx, id, change.edit, at)
    const articles = new Set((await trx.selectFrom('items').select('id').where('issue_id', '=', id).where('kind', '=', 'article').execute()).map((r) => r.id))
    const corrected = change.correction ? changed.filter((itemId) => articles.has(itemId)) : []
    if (change.correction) await addCorrections(trx, corrected, change.correction.note, at)
    if (existing.status === 'published') await bumpPublishedVersion(trx)
    return { issue: (await loadIssue(trx, id, true))!, corrected }
  })
}

/**
 * Re-import keeps item ids, so a corrected issue keeps its links, favourites and cards: an item keeps
 * its id when the new issue has it unchanged (wherever it now stands), or with the same title or
 * the same text (a corrected item), or else of the same kind at the same position. The rest are
 * deleted or added. `changed`: the kept items whose content changed.
 */
async function replaceItems(trx: Kysely<Database>, issueId: number, issue: Issue): Promise<{ changed: number[] }> {
  const old = await trx.selectFrom('items').selectAll().where('issue_id', '=', issueId).orderBy('position').execute()
  const fresh = itemValuesOf(issue)
  const matches = matchItems(old, fresh)
  const inserts = []
  const changed: number[] = []
  for (const [i, values] of fresh.entries()) {
    const previous = matches.get(i)
    if (!previous) {
      inserts.push({ ...values, issue_id: issueId })
      continue
    }
    if (contentKey(previous) !== contentKey(values)) changed.push(previous.id)
    if (previous.position !== values.position || previous.section_index !== values.section_index || contentKey(previous) !== contentKey(values)) {
      await trx.updateTable('items').set(values).where('id', '=', previous.id).execute()
    }
  }
  const kept = new Set([...matches.values()].map((m) => m.id))
  const gone = old.filter((o) => !kept.has(o.id)).map((o) => o.id)
  for (const ids of chunks(gone, ROWS_PER_STATEMENT)) await trx.deleteFrom('items').where('id', 'in', ids).execute()
  await insertItems(trx, inserts)
  return { changed }
}

export async function setStatus(
  db: Kysely<Database>,
  dialect: Dialect,
  id: number,
  status: 'draft' | 'published',
  opts: StatusChangeOptions = {},
): Promise<{ issue: StoredIssue; changed: boolean } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('issues').select('status').where('id', '=', id).executeTakeFirst()
    if (!row) return null
    if (row.status === status) return { issue: (await loadIssue(trx, id, true))!, changed: false }
    await trx
      .updateTable('issues')
      .set({ status, published_at: status === 'published' ? now() : null })
      .where('id', '=', id)
      .execute()
    await bumpPublishedVersion(trx)
    const issue = (await loadIssue(trx, id, true))!
    if (opts.inTransaction) await opts.inTransaction(transactionScope(trx, dialect), issue)
    return { issue, changed: true }
  })
}

export async function deleteIssue(db: Kysely<Database>, dialect: Dialect, id: number, opts: StatusChangeOptions = {}): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const issue = await loadIssue(trx, id, true)
    if (!issue) return false
    if (opts.inTransaction) await opts.inTransaction(transactionScope(trx, dialect), issue)
    const used = await trx.selectFrom('issue_media').select('media_id').where('issue_id', '=', id).execute()
    await trx.deleteFrom('issues').where('id', '=', id).execute()
    await deleteUnused(
      trx,
      used.map((u) => u.media_id),
    )
    if (issue.status === 'published') await bumpPublishedVersion(trx)
    return true
  })
}

/** The media ids the issue's pictures name, in reading order, each once. */
function mediaIdsOf(issue: Issue): string[] {
  const ids = new Set<string>()
  for (const section of issue.sections)
    for (const item of section.items) {
      if (item.kind !== 'article') continue
      for (const block of blocksOf(item)) if (block.kind === 'image' && block.mediaId !== null) ids.add(block.mediaId)
    }
  return [...ids]
}

/**
 * The issue's pictures, in its transaction: each stored if absent (content-addressed, so a picture
 * already there is the same bytes), the issue's links set to the pictures its blocks name, and the
 * pictures it no longer uses deleted when no other issue does. A picture given but named by no block
 * is not kept; a block naming a picture that was not given keeps its id (it is served as 404).
 */
async function linkMedia(trx: Kysely<Database>, issueId: number, issue: Issue, media: StoredMedia[]): Promise<void> {
  const wanted = mediaIdsOf(issue)
  const given = new Map(media.map((m) => [m.id, m]))
  const before = (await trx.selectFrom('issue_media').select('media_id').where('issue_id', '=', issueId).execute()).map((r) => r.media_id)
  const had = new Set(before)
  const link: string[] = []
  for (const id of wanted) {
    const m = given.get(id)
    if (m) {
      await trx
        .insertInto('media')
        .values({
          id: m.id,
          content_type: m.contentType,
          bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength),
          width: m.width,
          height: m.height,
          created_at: now(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute()
    } else if (!had.has(id)) {
      // Named but not given: linked only if some issue already stored it (the same picture re-imported as text cannot carry bytes).
      const stored = await trx.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst()
      if (!stored) continue
    }
    link.push(id)
  }
  const keep = new Set(link)
  const dropped = before.filter((id) => !keep.has(id))
  for (const ids of chunks(dropped, ROWS_PER_STATEMENT)) await trx.deleteFrom('issue_media').where('issue_id', '=', issueId).where('media_id', 'in', ids).execute()
  const added = link.filter((id) => !had.has(id)).map((media_id) => ({ issue_id: issueId, media_id }))
  for (const rows of chunks(added, ROWS_PER_STATEMENT)) await trx.insertInto('issue_media').values(rows).execute()
  await deleteUnused(trx, dropped)
}

/** Deletes those of these pictures that no issue uses any more. */
async function deleteUnused(trx: Kysely<Database>, ids: string[]): Promise<void> {
  for (const some of chunks(ids, ROWS_PER_STATEMENT)) {
    await trx
      .deleteFrom('media')
      .where('id', 'in', some)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('issue_media').select('issue_media.media_id').whereRef('issue_media.media_id', '=', 'media.id'))))
      .execute()
  }
}
