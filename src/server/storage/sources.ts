/**
 * An issue's kept source (the stream the importer read), the edits made to it, and the corrections
 * of its published articles. Written inside the issue's own transaction (issue-writes.ts), so the
 * source always matches the stored items.
 */
import type { Kysely } from 'kysely'
import type { Correction } from '../../core/bulletin'
import type { RecordedEdit } from '../../core/check'
import type { Stream } from '../../core/import'
import type { Database } from './schema'
import { isoOf, now } from './rows'

export async function writeSource(trx: Kysely<Database>, issueId: number, stream: Stream | null): Promise<void> {
  await trx.deleteFrom('issue_sources').where('issue_id', '=', issueId).execute()
  // No source given (an issue stored without the importer): none kept, rather than a stale one.
  if (stream)
    await trx
      .insertInto('issue_sources')
      .values({ issue_id: issueId, stream: JSON.stringify(stream), updated_at: now() })
      .execute()
}

export async function recordEdit(trx: Kysely<Database>, issueId: number, edit: Omit<RecordedEdit, 'at'>, at: number): Promise<void> {
  await trx
    .insertInto('issue_edits')
    .values({ issue_id: issueId, at, editor: edit.editor, edit: JSON.stringify(edit.edit), note: edit.note ?? null })
    .execute()
}

export async function addCorrections(trx: Kysely<Database>, itemIds: number[], note: string, at: number): Promise<void> {
  if (itemIds.length === 0) return
  await trx
    .insertInto('item_corrections')
    .values(itemIds.map((item_id) => ({ item_id, at, note })))
    .execute()
}

export async function loadSource(db: Kysely<Database>, issueId: number): Promise<{ stream: Stream; edits: RecordedEdit[] } | null> {
  const row = await db.selectFrom('issue_sources').select('stream').where('issue_id', '=', issueId).executeTakeFirst()
  if (!row) return null
  const edits = await db.selectFrom('issue_edits').selectAll().where('issue_id', '=', issueId).orderBy('id').execute()
  return {
    stream: JSON.parse(row.stream) as Stream,
    edits: edits.map((e) => ({ at: isoOf(e.at), editor: e.editor, edit: JSON.parse(e.edit) as RecordedEdit['edit'], ...(e.note !== null ? { note: e.note } : {}) })),
  }
}

/** The corrections of these items, oldest first, by item id. */
export async function correctionsOf(db: Kysely<Database>, itemIds: number[]): Promise<Map<number, Correction[]>> {
  const byItem = new Map<number, Correction[]>()
  if (itemIds.length === 0) return byItem
  // Chunked: a large issue's ids would pass the bound-variable limit of one statement.
  for (let i = 0; i < itemIds.length; i += 500) {
    const rows = await db
      .selectFrom('item_corrections')
      .select(['item_id', 'at', 'note'])
      .where('item_id', 'in', itemIds.slice(i, i + 500))
      .orderBy('id')
      .execute()
    for (const row of rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), { at: isoOf(row.at), note: row.note }])
  }
  return byItem
}
