/**
 * What the notification code asks of the database, as one interface: credits, the outbox written
 * by the publish transaction, workers' claims and outcomes, editors' progress, the shared WeChat
 * access token. Implemented in this folder (one file per concern) on the same Kysely queries for
 * SQLite and PostgreSQL. Times are epoch milliseconds; `now` parameters default to Date.now().
 */
import type { SubscribeResult } from '../../../core/bulletin'
import type { DeliveryStatus } from '../schema'

export type { DeliveryStatus }
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'sending', 'sent', 'refused', 'failed', 'cancelled']

export type TemplateData = Record<string, { value: string }>

/** The new-issue message of one issue for one template: what every delivery of it sends. */
export interface IssueMessage {
  issueId: number
  templateId: string
  page: string
  data: TemplateData
}

export interface EnqueueResult {
  templateId: string | null
  queued: number
}

export interface ClaimedDelivery {
  id: number
  issueId: number
  memberId: number
  openid: string
  templateId: string
  /** Including the one about to be made. */
  attempts: number
  inDoubt: number
}

export type Outcome =
  | { id: number; kind: 'sent'; msgid: string }
  | { id: number; kind: 'refused'; errcode: number; error: string }
  | { id: number; kind: 'retry'; errcode: number; error: string; nextAttemptAt: number }
  | { id: number; kind: 'failed'; errcode: number; error: string }

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
   * again (see notifications/worker.ts): a refused one among them most likely reached the member the first time.
   */
  inDoubt: number
  /** Up to 20, newest first: failed deliveries and queued ones waiting for a retry after an error. */
  recentFailures: DeliveryFailure[]
}

export interface StoredAccessToken {
  accessToken: string
  /** Epoch milliseconds when WeChat stops accepting it. */
  expiresAt: number
}

/** What a publish/unpublish transaction writes; it commits or rolls back with the issue's change. */
export interface NotificationWrites {
  /**
   * Stores the message and writes one queued delivery per member holding a credit for its template
   * (reserving that credit). A member already holding a live delivery of this issue gets no second one.
   */
  enqueueDeliveries(message: IssueMessage, now?: number): Promise<EnqueueResult>
  /**
   * Cancels the issue's deliveries not yet claimed by a worker (queued, including those waiting for
   * a retry) and gives their reserved credits back. Those being sent finish.
   */
  cancelIssueDeliveries(issueId: number, now?: number): Promise<number>
}

/** The whole notification store; its writes each run in a transaction of their own. */
export interface NotificationStore extends NotificationWrites {
  /** Records one subscribe result; an accept adds a credit. Returns the member's credits afterwards. */
  recordSubscribeResult(memberId: number, templateId: string, result: SubscribeResult, now?: number): Promise<number>
  /** Credits the member holds now (those reserved by a queued delivery are no longer counted). */
  creditsOf(memberId: number, templateId: string): Promise<number>
  /** Members a publish would notify now: holding a credit for the template, with an openid. */
  countRecipients(templateId: string): Promise<number>

  /** Takes up to `limit` due deliveries for this worker, leased for `leaseMs`; exclusive between workers. */
  claimDue(workerId: string, limit: number, leaseMs: number, now?: number): Promise<ClaimedDelivery[]>
  /** Puts back expired leases (counting them in doubt), except those of `exceptWorker`. Returns how many. */
  releaseExpiredLeases(now?: number, exceptWorker?: string): Promise<number>
  /** Records outcomes in one transaction; `sent`/`refused` even if the lease was lost. */
  recordOutcomes(workerId: string, outcomes: Outcome[], now?: number): Promise<void>
  /** The message bodies for these issues and templates, keyed `issueId:templateId`. */
  loadIssueMessages(keys: Array<{ issueId: number; templateId: string }>): Promise<Map<string, { page: string; data: TemplateData }>>

  deliveryCounts(issueId: number): Promise<DeliveryCounts>
  deliveryProgress(issueId: number): Promise<DeliveryProgress>

  readAccessToken(cacheKey: string): Promise<StoredAccessToken | null>
  saveAccessToken(cacheKey: string, token: StoredAccessToken, now?: number): Promise<void>
}
