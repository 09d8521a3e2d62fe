/**
 * The outbox: publishing an issue writes, in the publish transaction itself, one delivery row per
 * member holding a credit for the new-issue template, and reserves that credit. The worker sends
 * them later; if the publish rolls back, no delivery exists. Set-based SQL (INSERT … SELECT), so
 * 100,000 members cost two statements, not 100,000 round trips.
 */
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema'
import type { Dialect } from '../storage'
import type { EnqueueResult, IssueMessage } from './types'

/** Serialises credit-moving bulk operations on PostgreSQL (SQLite writers are serial anyway). */
async function lockCredits(trx: Kysely<Database>, dialect: Dialect) {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('notify_credits'))`.execute(trx)
}

/** Call inside a transaction (the publish one). */
export async function enqueueDeliveries(trx: Kysely<Database>, dialect: Dialect, message: IssueMessage, now = Date.now()): Promise<EnqueueResult> {
  const { issueId, templateId, page } = message
  await lockCredits(trx, dialect)

  const data = JSON.stringify(message.data)
  await trx
    .insertInto('notify_issue_messages')
    .values({ issue_id: issueId, template_id: templateId, page, data_json: data, created_at: now })
    .onConflict((oc) => oc.columns(['issue_id', 'template_id']).doUpdateSet({ page, data_json: data }))
    .execute()

  const batch = randomUUID()
  const inserted = await sql`
    insert into notify_deliveries
      (issue_id, member_id, openid, template_id, status, attempts, next_attempt_at, batch_id, created_at, updated_at)
    select ${issueId}, c.member_id, m.openid, c.template_id, 'queued', 0, ${now}, ${batch}, ${now}, ${now}
    from notify_credits c join members m on m.id = c.member_id
    where c.template_id = ${templateId} and c.credits > 0 and m.openid is not null
      and not exists (
        select 1 from notify_deliveries d
        where d.issue_id = ${issueId} and d.member_id = c.member_id and d.template_id = c.template_id
          and d.status <> 'cancelled')`.execute(trx)

  // Reserve one credit for each delivery just written (matched by this batch's id).
  await sql`
    update notify_credits set credits = credits - 1, updated_at = ${now}
    where template_id = ${templateId} and member_id in (
      select member_id from notify_deliveries where issue_id = ${issueId} and batch_id = ${batch})`.execute(trx)

  return { templateId, queued: Number(inserted.numAffectedRows ?? 0n) }
}

/** Call inside a transaction (the unpublish or delete one). */
export async function cancelIssueDeliveries(trx: Kysely<Database>, dialect: Dialect, issueId: number, now = Date.now()): Promise<number> {
  await lockCredits(trx, dialect)
  const batch = randomUUID()
  const cancelled = await sql`
    update notify_deliveries set status = 'cancelled', batch_id = ${batch}, updated_at = ${now}
    where issue_id = ${issueId} and status = 'queued'`.execute(trx)
  await sql`
    update notify_credits set credits = credits + 1, updated_at = ${now}
    where exists (
      select 1 from notify_deliveries d
      where d.issue_id = ${issueId} and d.batch_id = ${batch}
        and d.member_id = notify_credits.member_id and d.template_id = notify_credits.template_id)`.execute(trx)
  return Number(cancelled.numAffectedRows ?? 0n)
}

/** The message bodies for these issues and templates, keyed `issueId:templateId`. */
export async function loadIssueMessages(db: Kysely<Database>, keys: Array<{ issueId: number; templateId: string }>) {
  const found = new Map<string, Pick<IssueMessage, 'page' | 'data'>>()
  if (keys.length === 0) return found
  const rows = await db
    .selectFrom('notify_issue_messages')
    .select(['issue_id', 'template_id', 'page', 'data_json'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('issue_id', '=', k.issueId), eb('template_id', '=', k.templateId)]))))
    .execute()
  for (const r of rows) found.set(`${Number(r.issue_id)}:${r.template_id}`, { page: r.page, data: JSON.parse(r.data_json) as IssueMessage['data'] })
  return found
}
