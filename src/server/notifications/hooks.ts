/**
 * The publish/unpublish hooks for createApp's `hooks` option: enqueue the new-issue messages in the
 * publish transaction, cancel what is unsent in the unpublish (or delete-of-published) transaction.
 */
import type { Transaction } from 'kysely'
import type { StoredIssue } from '../../core/bulletin'
import type { NotificationConfig } from '../config'
import { cancelIssueDeliveries, enqueueNewIssue } from './outbox'

export interface NotificationHooks {
  onPublish: (trx: Transaction<any>, issue: StoredIssue) => Promise<void>
  onUnpublish: (trx: Transaction<any>, issue: StoredIssue) => Promise<void>
}

export function notificationHooks(config: Pick<NotificationConfig, 'templateId' | 'fields'>): NotificationHooks {
  return {
    onPublish: async (trx, issue) => { await enqueueNewIssue(trx, issue, config) },
    onUnpublish: async (trx, issue) => { await cancelIssueDeliveries(trx, issue.id) },
  }
}
