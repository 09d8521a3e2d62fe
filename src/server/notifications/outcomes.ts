/**
 * What a WeChat answer means for a delivery. 43101: the member has no credit left on WeChat's side
 * (refused; never retried, the credit is gone). 45009 (quota), -1 (busy) and -2 (transport failure,
 * e.g. connection reset or timeout) are passing troubles: retried with exponential backoff until
 * NOTIFY_MAX_ATTEMPTS. Token errors (40001/42001/40014) are refreshed and retried once inside the
 * WeChat client; if one still reaches us it is treated as passing too. Anything else (47003 bad
 * data, 40003 bad openid, 40037 bad template, 41030 bad page …) is a failure recorded with its code.
 * Credits: the one reserved at publish stays spent whatever the outcome (sent, refused, failed);
 * only a cancel (unpublish) gives it back. A failure is usually our configuration's fault and
 * would repeat, so we don't spend the member's next credit on the same mistake automatically.
 */
import { WechatError } from '../wechat/api'
import type { ClaimedDelivery, Outcome } from '../storage/notifications/types'
import type { NotificationConfig } from '../config'

export const REFUSED = 43101
const RETRYABLE = new Set([45009, -1, -2, 40001, 42001, 40014])

export function backoffMs(attempts: number, config: Pick<NotificationConfig, 'retryBaseMs' | 'retryMaxMs'>, random = Math.random) {
  const exp = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.max(0, attempts - 1))
  // ±20 % jitter so that a thousand deliveries hit by one 45009 don't all come back in the same millisecond.
  return Math.round(exp * (0.8 + 0.4 * random()))
}

export function outcomeOfError(err: unknown, delivery: ClaimedDelivery, config: Pick<NotificationConfig, 'maxAttempts' | 'retryBaseMs' | 'retryMaxMs'>, now = Date.now()): Outcome {
  const errcode = err instanceof WechatError ? err.errcode : -2
  const error = err instanceof Error ? err.message : String(err)
  if (errcode === REFUSED) return { id: delivery.id, kind: 'refused', errcode, error }
  if (RETRYABLE.has(errcode) && delivery.attempts < config.maxAttempts) {
    return { id: delivery.id, kind: 'retry', errcode, error, nextAttemptAt: now + backoffMs(delivery.attempts, config) }
  }
  return { id: delivery.id, kind: 'failed', errcode, error }
}
