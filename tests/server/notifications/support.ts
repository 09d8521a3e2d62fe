/**
 * Shared by the notification suites: the real storage (SQLite file or a fresh PostgreSQL schema,
 * from tests/server/support/storages.ts; storage.migrate() made the notification tables too), the
 * fake WeChat server, and a WeChat client pointed at it.
 */
import type { Storage } from '../../../src/server/storage/storage'
import type { StoredIssue } from '../../../src/core/bulletin'
import type { FakeWechat } from '../../../src/server/wechat/fake-server'
import { createWechatClient } from '../../../src/server/wechat/client'
import { parseFieldSpec } from '../../../src/server/notifications/template-data'
import type { NotificationConfig } from '../../../src/server/config'
import { createDbTokenCache, enqueueNewIssue } from '../../../src/server/notifications'
import { makeIssue } from '../support/archive'
import { rawDatabaseOf } from '../support/raw-database'

export const TEMPLATE = 'TPL_NEW_ISSUE_0001'
export const ISSUE_PAGE = 'pages/issue/index'

export function testConfig(overrides: Partial<NotificationConfig> = {}): NotificationConfig {
  return {
    templateId: TEMPLATE,
    fields: parseFieldSpec('thing1=title,date2=date,thing3=label'),
    sendRate: 0,
    concurrency: 8,
    maxAttempts: 4,
    retryBaseMs: 20,
    retryMaxMs: 200,
    leaseSeconds: 30,
    pollMs: 20,
    workerInServer: true,
    miniprogramState: 'formal',
    ...overrides,
  }
}

export function wechatFor(fake: FakeWechat, storage: Storage) {
  return createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret, tokenCache: createDbTokenCache(storage.notifications), timeoutMs: 5000 })
}

/** Members who tapped "accept" `accepts` times: recorded with us and granted on the fake's side. */
export async function subscribedMembers(storage: Storage, fake: FakeWechat, openids: string[], accepts = 1) {
  const ids: number[] = []
  for (const openid of openids) {
    const member = await storage.memberByOpenid(openid)
    for (let i = 0; i < accepts; i++) {
      await storage.notifications.recordSubscribeResult(member.id, TEMPLATE, 'accept')
      fake.grantSubscription(openid, TEMPLATE)
    }
    ids.push(member.id)
  }
  return ids
}

let issueCounter = 0
/** Saves a fresh issue (unique year+number) and publishes it with the notification enqueue inside. */
export async function publishNewIssue(storage: Storage, config: NotificationConfig, edit?: (issue: ReturnType<typeof makeIssue>) => void): Promise<StoredIssue> {
  issueCounter++
  const issue = makeIssue(1950 + issueCounter, 1 + (issueCounter % 40))
  edit?.(issue)
  const { issue: draft } = await storage.saveDraft(issue, { replacePublished: true })
  const published = await storage.publishIssue(draft.id, {
    inTransaction: async (trx, stored) => {
      await enqueueNewIssue(trx.notifications, stored, config)
    },
  })
  if (!published) throw new Error('publish failed')
  return published.issue
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | false> | T | null | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Resolves when none of the issue's deliveries is queued or sending any more. */
export function settled(storage: Storage, issueId: number, timeoutMs = 20_000) {
  return waitFor(
    `issue ${issueId} deliveries to settle`,
    async () => {
      const c = await storage.notifications.deliveryCounts(issueId)
      return c.queued + c.sending === 0 ? c : null
    },
    timeoutMs,
  )
}

/** The issue's delivery rows as stored (read over the test's own connection). */
export async function deliveriesOf(storage: Storage, issueId: number) {
  return rawDatabaseOf(storage).selectFrom('notify_deliveries').selectAll().where('issue_id', '=', issueId).orderBy('id').execute()
}

/** Takes every member's credits away, so that only the members a test subscribes next hold any. */
export async function clearCredits(storage: Storage) {
  await rawDatabaseOf(storage).updateTable('notify_credits').set({ credits: 0 }).execute()
}
