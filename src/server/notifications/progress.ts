/**
 * What editors see of a fan-out: how many of an issue's deliveries are queued, sending, sent,
 * refused, failed or cancelled, and the latest failures with WeChat's error codes.
 */
import type { Kysely } from 'kysely'

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'refused', 'failed', 'cancelled'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export interface DeliveryFailure {
  memberId: number
  status: 'failed' | 'queued'
  errcode: number | null
  error: string | null
  attempts: number
  at: string
}

export type DeliveryCounts = Record<DeliveryStatus, number> & { total: number }

/** GET /api/admin/issues/:id/deliveries */
export interface DeliveryProgress extends DeliveryCounts {
  issueId: number
  /**
   * Deliveries whose worker died with the send's outcome unknown, and which were therefore sent
   * again (see worker.ts): a refused one among them most likely reached the member the first time.
   */
  inDoubt: number
  /** Up to 20, newest first: failed deliveries and queued ones waiting for a retry after an error. */
  recentFailures: DeliveryFailure[]
}

export async function deliveryCounts(db: Kysely<any>, issueId: number): Promise<DeliveryCounts> {
  const rows = await db.selectFrom('notify_deliveries')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('issue_id', '=', issueId)
    .groupBy('status')
    .execute()
  const counts = { queued: 0, sending: 0, sent: 0, refused: 0, failed: 0, cancelled: 0, total: 0 } as DeliveryCounts
  for (const row of rows) {
    const status = row.status as DeliveryStatus
    if ((DELIVERY_STATUSES as readonly string[]).includes(status)) counts[status] = Number(row.n)
    counts.total += Number(row.n)
  }
  return counts
}

export async function deliveryProgress(db: Kysely<any>, issueId: number): Promise<DeliveryProgress> {
  const counts = await deliveryCounts(db, issueId)
  const failures = await db.selectFrom('notify_deliveries')
    .select(['member_id', 'status', 'last_errcode', 'last_error', 'attempts', 'updated_at'])
    .where('issue_id', '=', issueId)
    .where((eb) => eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'queued'), eb('last_errcode', 'is not', null)])]))
    .orderBy('updated_at', 'desc')
    .limit(20)
    .execute()
  const doubt = await db.selectFrom('notify_deliveries').select((eb) => eb.fn.countAll().as('n'))
    .where('issue_id', '=', issueId).where('in_doubt', '>', 0).executeTakeFirst()
  return {
    issueId,
    ...counts,
    inDoubt: Number(doubt?.n ?? 0),
    recentFailures: failures.map((f) => ({
      memberId: Number(f.member_id),
      status: f.status,
      errcode: f.last_errcode === null ? null : Number(f.last_errcode),
      error: f.last_error,
      attempts: Number(f.attempts),
      at: new Date(Number(f.updated_at)).toISOString(),
    })),
  }
}

/**
 * Polls an issue's delivery counts, calling `onProgress` each time they change, until nothing is
 * queued or sending any more (resolves with the final counts) or `signal` aborts (resolves with the
 * last counts seen). For `npm run import -- --publish FILE`'s progress bar; it only reads, so the
 * worker may be in the server or in its own process.
 */
export async function watchFanOut(
  db: Kysely<any>,
  issueId: number,
  onProgress: (counts: DeliveryCounts) => void,
  options: { intervalMs?: number; signal?: AbortSignal } = {},
): Promise<DeliveryCounts> {
  const intervalMs = options.intervalMs ?? 250
  let last = ''
  for (;;) {
    const counts = await deliveryCounts(db, issueId)
    const key = JSON.stringify(counts)
    if (key !== last) {
      last = key
      onProgress(counts)
    }
    if (counts.queued + counts.sending === 0 || options.signal?.aborted) return counts
    await new Promise<void>((resolve) => {
      // Remove the abort listener whichever way the wait ends, or a long fan-out piles them up.
      const onAbort = () => { clearTimeout(timer); resolve() }
      const timer = setTimeout(() => { options.signal?.removeEventListener('abort', onAbort); resolve() }, intervalMs)
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/** One line for a terminal: `[██████░░░░]  60% 600/1000 sent · 3 refused · 1 failed · 396 to go`. */
export function formatFanOut(counts: DeliveryCounts, width = 30): string {
  const live = counts.total - counts.cancelled
  const done = counts.sent + counts.refused + counts.failed
  const ratio = live === 0 ? 1 : done / live
  const filled = Math.round(ratio * width)
  const parts = [`${counts.sent}/${live} sent`]
  if (counts.refused) parts.push(`${counts.refused} refused`)
  if (counts.failed) parts.push(`${counts.failed} failed`)
  if (live - done > 0) parts.push(`${live - done} to go`)
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${parts.join(' · ')}`
}
