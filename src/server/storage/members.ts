/** Members (a WeChat openid or an H5 device id) and their favourite articles. */
import type { Kysely, Selectable } from 'kysely'
import type { Favourite } from '../../core/bulletin'
import type { Database, MembersTable } from './schema'
import type { Member } from './storage'
import { isoOf, now } from './rows'

function memberFromRow(row: Selectable<MembersTable>): Member {
  return { id: row.id, openid: row.openid, deviceId: row.device_id, createdAt: isoOf(row.created_at) }
}

/**
 * Finds or creates the member with this openid or device id; safe when two requests race. One round
 * trip for a new member (the insert returns its row), two for a known one (the insert does nothing,
 * then the read): sign-ins come mostly from new devices and phones in a burst after a publish.
 */
export async function memberBy(db: Kysely<Database>, column: 'openid' | 'device_id', value: string): Promise<Member> {
  const created_at = now()
  const inserted = await db
    .insertInto('members')
    .values(column === 'openid' ? { openid: value, created_at } : { device_id: value, created_at })
    .onConflict((oc) => oc.column(column).doNothing())
    .returningAll()
    .executeTakeFirst()
  const row = inserted ?? (await db.selectFrom('members').selectAll().where(column, '=', value).executeTakeFirstOrThrow())
  return memberFromRow(row)
}

export async function getMember(db: Kysely<Database>, id: number): Promise<Member | null> {
  const row = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? memberFromRow(row) : null
}

function favouritesQuery(db: Kysely<Database>, memberId: number) {
  return db
    .selectFrom('favourites')
    .innerJoin('items', 'items.id', 'favourites.item_id')
    .innerJoin('issues', 'issues.id', 'items.issue_id')
    .select(['favourites.item_id', 'favourites.added_at', 'items.title', 'issues.id as issue_id', 'issues.label', 'issues.date'])
    .where('favourites.member_id', '=', memberId)
    .where('issues.status', '=', 'published')
}

interface FavouriteRow {
  item_id: number
  added_at: number | string
  title: string | null
  issue_id: number
  label: string
  date: string
}

function entryFromRow(row: FavouriteRow): Favourite {
  return { articleId: row.item_id, addedAt: isoOf(row.added_at), title: row.title ?? '', issueId: row.issue_id, issueLabel: row.label, date: row.date }
}

/** Favourites of articles in published issues, newest first (an unpublished issue's are hidden, not lost). */
export async function listFavourites(db: Kysely<Database>, memberId: number): Promise<Favourite[]> {
  const rows = await favouritesQuery(db, memberId).orderBy('favourites.added_at', 'desc').orderBy('favourites.item_id', 'desc').execute()
  return rows.map(entryFromRow)
}

export async function addFavourite(db: Kysely<Database>, memberId: number, articleId: number): Promise<Favourite | null> {
  const article = await db
    .selectFrom('items')
    .innerJoin('issues', 'issues.id', 'items.issue_id')
    .select('items.id')
    .where('items.id', '=', articleId)
    .where('items.kind', '=', 'article')
    .where('issues.status', '=', 'published')
    .executeTakeFirst()
  if (!article) return null
  await db
    .insertInto('favourites')
    .values({ member_id: memberId, item_id: articleId, added_at: now() })
    .onConflict((oc) => oc.columns(['member_id', 'item_id']).doNothing())
    .execute()
  const row = await favouritesQuery(db, memberId).where('favourites.item_id', '=', articleId).executeTakeFirst()
  return row ? entryFromRow(row) : null
}

export async function removeFavourite(db: Kysely<Database>, memberId: number, articleId: number): Promise<void> {
  await db.deleteFrom('favourites').where('member_id', '=', memberId).where('item_id', '=', articleId).execute()
}
