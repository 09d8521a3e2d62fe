/** Reading issues and articles. Every function takes the Kysely handle (or a transaction). */
import type { Kysely } from 'kysely'
import type { ArticleInIssue, IssueOverview, StoredIssue } from '../../core/bulletin'
import type { Database } from './schema'
import type { IssueCursor, StoredMedia } from './storage'
import { correctionsOf } from './sources'
import { contentsOf, isoOf, isoOrNull, itemFromRow, parseHeader, storedIssueFromRows, type ContentsItemRow, type IssueRow } from './rows'

export async function loadIssue(db: Kysely<Database>, id: number, includeDrafts: boolean): Promise<StoredIssue | null> {
  let query = db.selectFrom('issues').selectAll().where('id', '=', id)
  if (!includeDrafts) query = query.where('status', '=', 'published')
  const row = await query.executeTakeFirst()
  if (!row) return null
  const items = await db.selectFrom('items').selectAll().where('issue_id', '=', id).orderBy('position').execute()
  const corrections = await correctionsOf(
    db,
    items.filter((i) => i.kind === 'article').map((i) => i.id),
  )
  return storedIssueFromRows(row, items, corrections)
}

async function contentsByIssue(db: Kysely<Database>, issueIds: number[]): Promise<Map<number, ContentsItemRow[]>> {
  const byIssue = new Map<number, ContentsItemRow[]>()
  if (issueIds.length === 0) return byIssue
  const rows = await db
    .selectFrom('items')
    .select(['id', 'issue_id', 'section_index', 'kind', 'title'])
    .where('issue_id', 'in', issueIds)
    .orderBy('issue_id')
    .orderBy('position')
    .execute()
  for (const row of rows) {
    const list = byIssue.get(row.issue_id) ?? []
    list.push(row)
    byIssue.set(row.issue_id, list)
  }
  return byIssue
}

function overviewOf(row: IssueRow, items: ContentsItemRow[]): IssueOverview {
  const header = parseHeader(row)
  return {
    id: row.id,
    label: row.label,
    year: row.year,
    number: row.number,
    date: row.date,
    status: row.status,
    publishedAt: isoOrNull(row.published_at),
    importedAt: isoOf(row.imported_at),
    warningCount: header.warnings.length,
    contents: contentsOf(header, items),
  }
}

export async function listPublished(db: Kysely<Database>, limit: number, after?: IssueCursor): Promise<{ items: IssueOverview[]; next: IssueCursor | null }> {
  let query = db.selectFrom('issues').selectAll().where('status', '=', 'published')
  if (after) {
    query = query.where((eb) => eb.or([eb('date', '<', after.date), eb.and([eb('date', '=', after.date), eb('id', '<', after.id)])]))
  }
  const rows = await query
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const contents = await contentsByIssue(
    db,
    page.map((r) => r.id),
  )
  const last = page[page.length - 1]
  return {
    items: page.map((row) => overviewOf(row, contents.get(row.id) ?? [])),
    next: rows.length > limit && last ? { date: last.date, id: last.id } : null,
  }
}

export async function listAll(db: Kysely<Database>): Promise<IssueOverview[]> {
  const rows = await db.selectFrom('issues').selectAll().orderBy('date', 'desc').orderBy('id', 'desc').execute()
  const contents = await contentsByIssue(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => overviewOf(row, contents.get(row.id) ?? []))
}

export async function loadArticle(db: Kysely<Database>, id: number, includeDrafts = false): Promise<ArticleInIssue | null> {
  let query = db
    .selectFrom('items')
    .innerJoin('issues', 'issues.id', 'items.issue_id')
    .selectAll('items')
    .select(['issues.label as issue_label', 'issues.date as issue_date', 'issues.header as issue_header'])
    .where('items.id', '=', id)
    .where('items.kind', '=', 'article')
  if (!includeDrafts) query = query.where('issues.status', '=', 'published')
  const row = await query.executeTakeFirst()
  if (!row) return null
  const article = itemFromRow(row, (await correctionsOf(db, [id])).get(id))
  if (article.kind !== 'article') return null
  const siblings = await db.selectFrom('items').select('id').where('issue_id', '=', row.issue_id).where('kind', '=', 'article').orderBy('position').execute()
  const at = siblings.findIndex((s) => s.id === id)
  const header = parseHeader({ header: row.issue_header })
  return {
    article,
    issue: { id: row.issue_id, label: row.issue_label, date: row.issue_date, masthead: header.masthead },
    section: header.sectionNames[row.section_index] ?? '',
    previousId: at > 0 ? siblings[at - 1].id : null,
    nextId: at >= 0 && at + 1 < siblings.length ? siblings[at + 1].id : null,
  }
}

export async function loadMedia(db: Kysely<Database>, id: string, includeDrafts: boolean): Promise<StoredMedia | null> {
  let query = db.selectFrom('media').select(['id', 'content_type', 'bytes', 'width', 'height']).where('id', '=', id)
  if (!includeDrafts) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('issue_media')
          .innerJoin('issues', 'issues.id', 'issue_media.issue_id')
          .select('issue_media.media_id')
          .whereRef('issue_media.media_id', '=', 'media.id')
          .where('issues.status', '=', 'published'),
      ),
    )
  }
  const row = await query.executeTakeFirst()
  if (!row) return null
  return { id: row.id, contentType: row.content_type, bytes: row.bytes, width: row.width, height: row.height }
}
