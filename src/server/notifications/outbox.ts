/**
 * The outbox: publishing an issue writes, in the publish transaction itself, one delivery row per
 * member holding a credit for the new-issue template, and reserves that credit. The worker sends
 * them later; if the publish rolls back, no delivery exists. Set-based SQL (INSERT … SELECT), so
 * 100,000 members cost two statements, not 100,000 round trips.
 */
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { StoredIssue } from '../../core/bulletin'
import { loadNotificationConfig, type NotificationConfig } from '../config'
import { dialectOf } from './dialect'
import { buildTemplateData, issuePage } from './template-data'

/** Serialises credit-moving bulk operations on PostgreSQL (SQLite writers are serial anyway). */
async function lockCredits(trx: Kysely<any>) {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('notify_credits'))`.execute(trx)
}

export interface EnqueueResult {
  templateId: string | null
  queued: number
}

/**
 * Call inside the publish transaction. With no WECHAT_TEMPLATE_NEW_ISSUE configured it does nothing.
 * A member already holding a live delivery of this issue (published twice) gets no second one.
 */
export async function enqueueNewIssue(
  trx: Kysely<any>,
  issue: StoredIssue,
  config: Pick<NotificationConfig, 'templateId' | 'fields'> = loadNotificationConfig(),
  now = Date.now(),
): Promise<EnqueueResult> {
  const templateId = config.templateId
  if (!templateId) return { templateId: null, queued: 0 }
  await lockCredits(trx)

  const data = JSON.stringify(buildTemplateData(issue, config.fields))
  await trx.insertInto('notify_issue_messages')
    .values({ issue_id: issue.id, template_id: templateId, page: issuePage(issue.id), data_json: data, created_at: now })
    .onConflict((oc) => oc.columns(['issue_id', 'template_id']).doUpdateSet({ page: issuePage(issue.id), data_json: data }))
    .execute()

  const batch = randomUUID()
  const inserted = await sql`
    insert into notify_deliveries
      (issue_id, member_id, openid, template_id, status, attempts, next_attempt_at, batch_id, created_at, updated_at)
    select ${issue.id}, c.member_id, m.openid, c.template_id, 'queued', 0, ${now}, ${batch}, ${now}, ${now}
    from notify_credits c join members m on m.id = c.member_id
    where c.template_id = ${templateId} and c.credits > 0 and m.openid is not null
      and not exists (
        select 1 from notify_deliveries d
        where d.issue_id = ${issue.id} and d.member_id = c.member_id and d.template_id = c.template_id
          and d.status <> 'cancelled')`.execute(trx)

  // Reserve one credit for each delivery just written (matched by this batch's id).
  await sql`
    update notify_credits set credits = credits - 1, updated_at = ${now}
    where template_id = ${templateId} and member_id in (
      select member_id from notify_deliveries where issue_id = ${issue.id} and batch_id = ${batch})`.execute(trx)

  return { templateId, queued: Number(inserted.numAffectedRows ?? 0n) }
}

/**
 * Call inside the unpublish transaction: cancels the issue's deliveries not yet claimed by a worker
 * (queued, including those waiting for a retry) and gives their reserved credits back. Deliveries a
 * worker is sending at this moment finish; they were already on their way to WeChat.
 */
export async function cancelIssueDeliveries(trx: Kysely<any>, issueId: number, now = Date.now()): Promise<number> {
  await lockCredits(trx)
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
