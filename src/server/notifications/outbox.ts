/**
 * The new-issue outbox, as the publishing hooks use it: build the issue's message from the
 * configured template fields and queue it for every credit holder, inside the publish transaction
 * (storage's NotificationWrites does the SQL); cancel what is unsent inside the unpublish one.
 */
import type { StoredIssue } from '../../core/bulletin'
import type { EnqueueResult, IssueMessage, NotificationWrites } from '../storage/notifications/types'
import type { NotificationConfig } from '../config'
import { buildTemplateData, issuePage } from './template-data'

type TemplateConfig = Pick<NotificationConfig, 'templateId' | 'fields'>

/** The issue's new-issue message, or null when no WECHAT_TEMPLATE_NEW_ISSUE is configured. */
export function newIssueMessage(issue: StoredIssue, config: TemplateConfig): IssueMessage | null {
  if (!config.templateId) return null
  return { issueId: issue.id, templateId: config.templateId, page: issuePage(issue.id), data: buildTemplateData(issue, config.fields) }
}

/**
 * Call with the publish transaction's writes. With no template configured it does nothing. A member
 * already holding a live delivery of this issue (published twice) gets no second one.
 */
export async function enqueueNewIssue(writes: NotificationWrites, issue: StoredIssue, config: TemplateConfig, now?: number): Promise<EnqueueResult> {
  const message = newIssueMessage(issue, config)
  return message ? writes.enqueueDeliveries(message, now) : { templateId: null, queued: 0 }
}

/**
 * Call with the unpublish (or delete) transaction's writes: cancels the issue's unclaimed deliveries
 * and gives their credits back; those a worker is sending at this moment finish.
 */
export function cancelIssueDeliveries(writes: NotificationWrites, issueId: number, now?: number): Promise<number> {
  return writes.cancelIssueDeliveries(issueId, now)
}
