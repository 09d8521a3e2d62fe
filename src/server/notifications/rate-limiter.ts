/**
 * A token bucket for WECHAT_SEND_RATE: `rate` sends per second on average, bursts of at most a
 * fifth of a second's worth. rate 0 = no limit. Per process: two worker processes each get `rate`.
 */
export interface RateLimiter {
  /** How many sends may start now. */
  available(): number
  take(n: number): void
  /** Milliseconds until at least one more send may start. */
  msUntilNext(): number
}

export function createRateLimiter(rate: number, now: () => number = Date.now): RateLimiter {
  if (rate <= 0) return { available: () => Number.MAX_SAFE_INTEGER, take: () => undefined, msUntilNext: () => 0 }
  const capacity = Math.max(1, Math.ceil(rate / 5))
  let tokens = capacity
  let at = now()
  const refill = () => {
    const t = now()
    tokens = Math.min(capacity, tokens + ((t - at) * rate) / 1000)
    at = t
  }
  return {
    available() {
      refill()
      return Math.floor(tokens)
    },
    take(n) {
      refill()
      tokens -= n
    },
    msUntilNext() {
      refill()
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 1000) / rate)
    },
  }
}
