/**
 * Subscription credits: each `accept` of wx.requestSubscribeMessage lets us send the member one
 * message of that template, so we count them per member and template. Other results are kept in the
 * event log (for editors' curiosity and support questions) but give no credit.
 */
import { sql, type Kysely } from 'kysely'
import type { SubscribeResult } from '../../../core/bulletin'
import type { Database } from '../schema'

export async function recordSubscribeResult(db: Kysely<Database>, memberId: number, templateId: string, result: SubscribeResult, now = Date.now()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('notify_subscribe_events').values({ member_id: memberId, template_id: templateId, result, created_at: now }).execute()
    if (result === 'accept') {
      await trx
        .insertInto('notify_credits')
        .values({ member_id: memberId, template_id: templateId, credits: 1, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['member_id', 'template_id']).doUpdateSet({
            credits: sql<number>`notify_credits.credits + 1`,
            updated_at: now,
          }),
        )
        .execute()
    }
    return creditsOf(trx, memberId, templateId)
  })
}

export async function creditsOf(db: Kysely<Database>, memberId: number, templateId: string): Promise<number> {
  const row = await db.selectFrom('notify_credits').select('credits').where('member_id', '=', memberId).where('template_id', '=', templateId).executeTakeFirst()
  return row ? Number(row.credits) : 0
}

/** Members a publish would notify now: those holding a credit for the template, with an openid. */
export async function countRecipients(db: Kysely<Database>, templateId: string): Promise<number> {
  const row = await db
    .selectFrom('notify_credits')
    .innerJoin('members', 'members.id', 'notify_credits.member_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('notify_credits.template_id', '=', templateId)
    .where('notify_credits.credits', '>', 0)
    .where('members.openid', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
