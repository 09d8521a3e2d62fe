/** The NotificationStore over a Kysely database, and its writes bound to one transaction. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema'
import type { Dialect } from '../storage'
import type { NotificationStore, NotificationWrites } from './types'
import { countRecipients, creditsOf, recordSubscribeResult } from './credits'
import { cancelIssueDeliveries, enqueueDeliveries, loadIssueMessages } from './outbox'
import { claimDue, recordOutcomes, releaseExpiredLeases } from './claims'
import { deliveryCounts, deliveryProgress } from './progress'
import { readAccessToken, saveAccessToken } from './access-tokens'

/** For the callbacks of publish/unpublish/delete: they run in the issue's transaction. */
export function notificationWrites(trx: Transaction<Database>, dialect: Dialect): NotificationWrites {
  return {
    enqueueDeliveries: (message, now) => enqueueDeliveries(trx, dialect, message, now),
    cancelIssueDeliveries: (issueId, now) => cancelIssueDeliveries(trx, dialect, issueId, now),
  }
}

export function createNotificationStore(db: Kysely<Database>, dialect: Dialect): NotificationStore {
  return {
    // Outside a publish, each bulk write still needs a transaction of its own: the credit lock
    // (pg_advisory_xact_lock) and the two statements that move deliveries and credits together.
    enqueueDeliveries: (message, now) => db.transaction().execute((trx) => enqueueDeliveries(trx, dialect, message, now)),
    cancelIssueDeliveries: (issueId, now) => db.transaction().execute((trx) => cancelIssueDeliveries(trx, dialect, issueId, now)),
    recordSubscribeResult: (memberId, templateId, result, now) => recordSubscribeResult(db, memberId, templateId, result, now),
    creditsOf: (memberId, templateId) => creditsOf(db, memberId, templateId),
    countRecipients: (templateId) => countRecipients(db, templateId),
    claimDue: (workerId, limit, leaseMs, now) => claimDue(db, dialect, workerId, limit, leaseMs, now),
    releaseExpiredLeases: (now, exceptWorker) => releaseExpiredLeases(db, now, exceptWorker),
    recordOutcomes: (workerId, outcomes, now) => recordOutcomes(db, dialect, workerId, outcomes, now),
    loadIssueMessages: (keys) => loadIssueMessages(db, keys),
    deliveryCounts: (issueId) => deliveryCounts(db, issueId),
    deliveryProgress: (issueId) => deliveryProgress(db, issueId),
    readAccessToken: (cacheKey) => readAccessToken(db, cacheKey),
    saveAccessToken: (cacheKey, token, now) => saveAccessToken(db, cacheKey, token, now),
  }
}
