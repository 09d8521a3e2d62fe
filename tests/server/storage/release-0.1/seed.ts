/**
 * Rows in every table, written the way release 0.1 wrote them: ISO text times in the issue tables
 * (new Date().toISOString()), epoch milliseconds in the notification tables, ids from the database.
 */
import type { Kysely } from 'kysely'

export const TEMPLATE = 'TPL_NEW_ISSUE_0001'
const ms = (iso: string) => Date.parse(iso)

const header = (sectionNames: string[]) =>
  JSON.stringify({
    masthead: '工会信息',
    publisher: '广州市总工会办公室',
    permit: null,
    distribution: { reportTo: null, sendTo: '各区总工会' },
    editor: { name: '李明', email: null, phone: null },
    warnings: [{ code: 'unknown-line', line: 7, message: 'an unrecognised line' }],
    sectionNames,
  })

async function insert(db: Kysely<any>, table: string, values: Record<string, unknown>): Promise<number> {
  const row = await db.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function seedIssues(db: Kysely<any>) {
  const published = await insert(db, 'issues', {
    year: 2020,
    number: 20,
    label: '〔2020〕第二十期',
    date: '2020-07-13',
    status: 'published',
    published_at: '2026-11-27T08:15:30.123Z',
    imported_at: '2026-11-27T08:00:00.001Z',
    header: header(['要情动态', '简讯']),
  })
  const draft = await insert(db, 'issues', {
    year: 2020,
    number: 21,
    label: '〔2020〕第二十一期',
    date: '2020-07-20',
    status: 'draft',
    published_at: null,
    imported_at: '2026-11-28T23:59:59.999Z',
    header: header(['要情动态']),
  })
  const item = (issue_id: number, section_index: number, position: number, kind: string, title: string | null, body: string) =>
    insert(db, 'items', {
      issue_id,
      section_index,
      position,
      kind,
      title,
      body,
      source_organization: kind === 'article' ? '市总工会' : null,
      source_author: kind === 'article' ? '王芳' : null,
    })
  const articles = [
    await item(published, 0, 0, 'article', '市总工会召开全委会议', JSON.stringify(['第一段。', '第二段。'])),
    await item(published, 0, 1, 'article', '劳动竞赛表彰大会', JSON.stringify(['正文。'])),
  ]
  await item(published, 1, 2, 'brief', null, '△各区工会开展送清凉活动。')
  await item(draft, 0, 0, 'article', '草稿文章', JSON.stringify(['未发布。']))

  const member = (openid: string | null, device_id: string | null, created_at: string) => insert(db, 'members', { openid, device_id, created_at })
  const members = {
    alice: await member('o-alice', null, '2026-11-27T09:00:00.000Z'),
    bob: await member(null, 'd-bob', '2026-11-27T09:00:00.500Z'),
    carol: await member('o-carol', null, '2026-11-29T00:00:00.007Z'),
    dave: await member('o-dave', null, '2026-11-29T01:02:03.456Z'),
    erin: await member('o-erin', null, '2026-11-29T01:02:03.457Z'),
    frank: await member('o-frank', null, '2026-11-30T12:00:00.000Z'),
  }
  const favourite = (member_id: number, item_id: number, added_at: string) => db.insertInto('favourites').values({ member_id, item_id, added_at }).execute()
  await favourite(members.alice, articles[0], '2026-11-27T10:00:00.010Z')
  await favourite(members.alice, articles[1], '2026-11-27T11:00:00.020Z')
  await favourite(members.bob, articles[0], '2026-11-28T10:00:00.999Z')
  await db.updateTable('counters').set({ value: 4 }).where('name', '=', 'published_version').execute()
  return { published, draft, articles, members }
}

export async function seedNotifications(db: Kysely<any>, { published, members }: Awaited<ReturnType<typeof seedIssues>>) {
  const at = ms('2026-11-27T08:15:30.123Z')
  await db
    .insertInto('notify_credits')
    .values([
      { member_id: members.alice, template_id: TEMPLATE, credits: 2, updated_at: at },
      { member_id: members.carol, template_id: TEMPLATE, credits: 0, updated_at: at + 1 },
    ])
    .execute()
  for (const [member_id, result, offset] of [
    [members.alice, 'accept', 0],
    [members.alice, 'accept', 5],
    [members.carol, 'reject', 9],
  ] as const) {
    await insert(db, 'notify_subscribe_events', { member_id, template_id: TEMPLATE, result, created_at: at - 86_400_000 + offset })
  }
  await db
    .insertInto('notify_issue_messages')
    .values({
      issue_id: published,
      template_id: TEMPLATE,
      page: `pages/issue/index?id=${published}`,
      data_json: JSON.stringify({ thing1: { value: '市总工会召开全委会议' }, date2: { value: '2020-07-13' } }),
      created_at: at,
    })
    .execute()
  const delivery = (member_id: number, openid: string, status: string, more: Record<string, unknown> = {}) =>
    insert(db, 'notify_deliveries', {
      issue_id: published,
      member_id,
      openid,
      template_id: TEMPLATE,
      status,
      attempts: 1,
      next_attempt_at: at,
      batch_id: 'batch-1',
      created_at: at,
      updated_at: at + 1000,
      ...more,
    })
  await delivery(members.alice, 'o-alice', 'cancelled', { attempts: 0 })
  await delivery(members.alice, 'o-alice', 'sent', { msgid: '3100000001', sent_at: at + 900, claimed_by: 'host:1:a' })
  await delivery(members.carol, 'o-carol', 'refused', { last_errcode: 43101, last_error: 'user refuse to accept the msg' })
  await delivery(members.dave, 'o-dave', 'failed', { attempts: 3, last_errcode: 47003, last_error: 'argument invalid!', updated_at: at + 2000 })
  await delivery(members.erin, 'o-erin', 'queued', {
    attempts: 2,
    last_errcode: 45009,
    last_error: 'reach max api daily quota limit',
    next_attempt_at: at + 60_000,
    updated_at: at + 3000,
  })
  await delivery(members.frank, 'o-frank', 'sending', { claimed_by: 'host:2:b', lease_until: at + 120_000, in_doubt: 1 })
  await db
    .insertInto('notify_access_tokens')
    .values({ cache_key: 'wx-appid', token: 'ACCESS-TOKEN-1', expires_at: at + 7_200_000, updated_at: at })
    .execute()
}
