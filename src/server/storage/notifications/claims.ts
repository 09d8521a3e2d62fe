/**
 * How workers take deliveries and put their outcomes back. A claim turns `queued` rows into
 * `sending` rows owned by one worker until `lease_until`; nobody else touches a leased row.
 * - PostgreSQL: WITH next AS (SELECT … FOR UPDATE SKIP LOCKED) UPDATE … FROM next: concurrent
 *   workers skip each other's rows instead of waiting, and never claim the same row.
 * - SQLite: the same UPDATE … RETURNING inside BEGIN IMMEDIATE, which takes the database's write
 *   lock before reading, so a second process (server + `npm run worker`) waits instead of claiming
 *   from a stale snapshot.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema'
import type { Dialect } from '../storage'
import type { ClaimedDelivery, Outcome } from './types'

interface ClaimedRow {
  id: number | string
  issue_id: number
  member_id: number
  openid: string
  template_id: string
  attempts: number
  in_doubt: number
}

const toClaimed = (r: ClaimedRow): ClaimedDelivery => ({
  id: Number(r.id),
  issueId: Number(r.issue_id),
  memberId: Number(r.member_id),
  openid: r.openid,
  templateId: r.template_id,
  attempts: Number(r.attempts),
  inDoubt: Number(r.in_doubt),
})

export async function claimDue(db: Kysely<Database>, dialect: Dialect, workerId: string, limit: number, leaseMs: number, now = Date.now()): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return []
  if (dialect === 'postgres') {
    // The locking SELECT sits in a CTE, which PostgreSQL runs exactly once. Written as
    // `id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` the planner may run the subquery again per
    // row and claim more than `limit` rows (seen in the tests: a limit of 1 claimed 4).
    const { rows } = await sql<ClaimedRow>`
      with next as (
        select id from notify_deliveries
        where status = 'queued' and next_attempt_at <= ${now}
        order by next_attempt_at, id limit ${limit}
        for update skip locked)
      update notify_deliveries d
      set status = 'sending', claimed_by = ${workerId}, lease_until = ${now + leaseMs},
          attempts = d.attempts + 1, updated_at = ${now}
      from next where d.id = next.id
      returning d.id, d.issue_id, d.member_id, d.openid, d.template_id, d.attempts, d.in_doubt`.execute(db)
    return rows.map(toClaimed)
  }
  const claim = sql<ClaimedRow>`
    update notify_deliveries
    set status = 'sending', claimed_by = ${workerId}, lease_until = ${now + leaseMs},
        attempts = attempts + 1, updated_at = ${now}
    where status = 'queued' and id in (
      select id from notify_deliveries
      where status = 'queued' and next_attempt_at <= ${now}
      order by next_attempt_at, id limit ${limit})
    returning id, issue_id, member_id, openid, template_id, attempts, in_doubt`
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn)
    try {
      const { rows } = await claim.execute(conn)
      await sql`commit`.execute(conn)
      return rows.map(toClaimed)
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => undefined)
      throw e
    }
  })
}

/**
 * Puts back rows whose worker vanished (lease expired while `sending`). Their send may or may not
 * have reached WeChat; `in_doubt` counts such cases (see notifications/worker.ts on exactly-once).
 * A live worker passes its own id as `exceptWorker`: its own expired rows are not vanished, they
 * are in flight or their outcome is waiting for the database (slow sends, a database away longer
 * than the lease), and taking them back would make it send them a second time.
 */
export async function releaseExpiredLeases(db: Kysely<Database>, now = Date.now(), exceptWorker?: string): Promise<number> {
  const notMine = exceptWorker === undefined ? sql`` : sql`and (claimed_by is null or claimed_by <> ${exceptWorker})`
  const result = await sql`
    update notify_deliveries
    set status = 'queued', claimed_by = null, lease_until = null, in_doubt = in_doubt + 1,
        next_attempt_at = ${now}, updated_at = ${now}
    where status = 'sending' and lease_until < ${now} ${notMine}`.execute(db)
  return Number(result.numAffectedRows ?? 0n)
}

/**
 * Records outcomes in one transaction (a group commit: under load the worker batches whatever
 * finished while the previous write was in progress; when idle, each outcome is written at once).
 * `sent`/`refused` are recorded even if the lease was lost, because WeChat has taken the message:
 * writing it down is what stops another worker from sending it again.
 */
export async function recordOutcomes(db: Kysely<Database>, dialect: Dialect, workerId: string, outcomes: Outcome[], now = Date.now()) {
  if (outcomes.length === 0) return
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`set local synchronous_commit = on`.execute(trx)
    const sent = outcomes.filter((o): o is Extract<Outcome, { kind: 'sent' }> => o.kind === 'sent')
    for (let i = 0; i < sent.length; i += 400) {
      const chunk = sent.slice(i, i + 400)
      const msgids = sql.join(
        chunk.map((o) => sql`when ${o.id} then ${o.msgid}`),
        sql` `,
      )
      await sql`
        update notify_deliveries
        set status = 'sent', msgid = case id ${msgids} end, sent_at = ${now}, updated_at = ${now},
            last_errcode = null, last_error = null, lease_until = null
        where id in (${sql.join(chunk.map((o) => o.id))}) and status in ('sending', 'queued')`.execute(trx)
    }
    for (const o of outcomes) {
      if (o.kind === 'refused') {
        await trx
          .updateTable('notify_deliveries')
          .set({ status: 'refused', last_errcode: o.errcode, last_error: o.error, updated_at: now, lease_until: null })
          .where('id', '=', o.id)
          .where('status', 'in', ['sending', 'queued'])
          .execute()
      } else if (o.kind === 'retry' || o.kind === 'failed') {
        await trx
          .updateTable('notify_deliveries')
          .set({
            status: o.kind === 'retry' ? 'queued' : 'failed',
            last_errcode: o.errcode,
            last_error: o.error.slice(0, 500),
            next_attempt_at: o.kind === 'retry' ? o.nextAttemptAt : now,
            claimed_by: null,
            lease_until: null,
            updated_at: now,
          })
          .where('id', '=', o.id)
          .where('status', '=', 'sending')
          .where('claimed_by', '=', workerId)
          .execute()
      }
    }
  })
}
