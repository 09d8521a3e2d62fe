/**
 * What editors see of a fan-out: how many of an issue's deliveries are queued, sending, sent,
 * refused, failed or cancelled, and the latest failures with WeChat's error codes.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../schema'
import { DELIVERY_STATUSES, type DeliveryCounts, type DeliveryProgress } from './types'

export async function deliveryCounts(db: Kysely<Database>, issueId: number): Promise<DeliveryCounts> {
  const rows = await db
    .selectFrom('notify_deliveries')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('issue_id', '=', issueId)
    .groupBy('status')
    .execute()
  const counts: DeliveryCounts = { queued: 0, sending: 0, sent: 0, refused: 0, failed: 0, cancelled: 0, total: 0 }
  for (const row of rows) {
    if (DELIVERY_STATUSES.includes(row.status)) counts[row.status] = Number(row.n)
    counts.total += Number(row.n)
  }
  return counts
}

export async function deliveryProgress(db: Kysely<Database>, issueId: number): Promise<DeliveryProgress> {
  const counts = await deliveryCounts(db, issueId)
  const failures = await db
    .selectFrom('notify_deliveries')
    .select(['member_id', 'status', 'last_errcode', 'last_error', 'attempts', 'updated_at'])
    .where('issue_id', '=', issueId)
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'queued'), eb('last_errcode', 'is not', null)])]))
    .orderBy('updated_at', 'desc')
    .limit(20)
    .execute()
  const doubt = await db
    .selectFrom('notify_deliveries')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('issue_id', '=', issueId)
    .where('in_doubt', '>', 0)
    .executeTakeFirst()
  return {
    issueId,
    ...counts,
    inDoubt: Number(doubt?.n ?? 0),
    recentFailures: failures.map((f) => ({
      memberId: Number(f.member_id),
      // The query takes failed rows and queued ones only.
      status: f.status === 'failed' ? 'failed' : 'queued',
      errcode: f.last_errcode === null ? null : Number(f.last_errcode),
      error: f.last_error,
      attempts: Number(f.attempts),
      at: new Date(Number(f.updated_at)).toISOString(),
    })),
  }
}
