/**
 * New-issue notifications (WeChat one-time subscribe messages): credits, the outbox written by the
 * publish transaction, the delivery worker and the editors' progress. See worker.ts for the
 * delivery guarantees.
 */
export type { NotificationConfig } from '../config'
export { migrateNotifications, type SqlDialectName } from './migrations'
export { enqueueNewIssue, cancelIssueDeliveries, type EnqueueResult } from './outbox'
export { notificationHooks, type NotificationHooks } from './hooks'
export { recordSubscribeResult, creditsOf } from './credits'
export { deliveryCounts, deliveryProgress, watchFanOut, formatFanOut, type DeliveryCounts, type DeliveryProgress } from './progress'
export { startNotificationWorker, type NotificationWorker, type NotificationWorkerDeps, type WorkerLogger } from './worker'
export { createDbTokenCache } from './token-cache'
export { buildTemplateData, parseFieldSpec, fitKeywordValue, issuePage } from './template-data'
