/**
 * New-issue notifications (WeChat one-time subscribe messages): the outbox written by the publish
 * transaction, the delivery worker and the editors' progress. The SQL lives in the storage
 * (Storage.notifications, src/server/storage/notifications/); this module is what is not SQL.
 * See worker.ts for the delivery guarantees.
 */
export type { NotificationConfig } from '../config'
export { enqueueNewIssue, cancelIssueDeliveries, newIssueMessage } from './outbox'
export { watchFanOut, formatFanOut, type DeliveryCounts, type DeliveryProgress } from './progress'
export { startNotificationWorker, type NotificationWorker, type NotificationWorkerDeps, type WorkerLogger, type WorkerState } from './worker'
export { createDbTokenCache } from './token-cache'
export { buildTemplateData, parseFieldSpec, fitKeywordValue, issuePage } from './template-data'
export type { EnqueueResult, NotificationStore, NotificationWrites } from '../storage/notifications/types'
