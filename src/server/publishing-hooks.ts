/**
 * What happens inside the publish/unpublish transactions: the notifications outbox (helper module
 * ./notifications). Used by the server and by the import CLI's --publish, so both notify alike.
 */
import type { StoredIssue } from '../core/bulletin'
import type { InTransaction } from './storage/storage'
import { cancelIssueDeliveries, enqueueNewIssue, type NotificationConfig } from './notifications'

export interface PublishingHooks {
  onPublish: InTransaction
  onUnpublish: InTransaction
  /** After the publish committed: wake the worker (it would otherwise find the work at its next poll). */
  onPublished?: (issue: StoredIssue) => void
}

export function createPublishingHooks(config: NotificationConfig, onPublished?: (issue: StoredIssue) => void): PublishingHooks {
  return {
    onPublish: async (trx, issue) => {
      await enqueueNewIssue(trx.notifications, issue, config)
    },
    onUnpublish: async (trx, issue) => {
      await cancelIssueDeliveries(trx.notifications, issue.id)
    },
    onPublished,
  }
}
