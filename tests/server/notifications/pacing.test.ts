/** WECHAT_SEND_RATE's token bucket and the retry schedule, on an injected clock. */
import { createRateLimiter } from '../../../src/server/notifications/rate-limiter'
import { backoffMs, outcomeOfError } from '../../../src/server/notifications/outcomes'
import { WechatError } from '../../../src/server/wechat/api'
import type { ClaimedDelivery } from '../../../src/server/storage/notifications/types'

describe('send rate', () => {
  it('lets `rate` sends per second through on average, in bursts of a fifth of a second', () => {
    let now = 0
    const limiter = createRateLimiter(20, () => now)
    let sent = 0
    // Simulate a worker that sends whatever it may, every 10 ms, for 10 seconds.
    for (; now <= 10_000; now += 10) {
      const n = limiter.available()
      expect(n).toBeLessThanOrEqual(4)
      limiter.take(n)
      sent += n
    }
    expect(sent).toBeGreaterThanOrEqual(200)
    expect(sent).toBeLessThanOrEqual(204)
    limiter.take(limiter.available())
    expect(limiter.msUntilNext()).toBeGreaterThan(0)
    expect(limiter.msUntilNext()).toBeLessThanOrEqual(50)
  })

  it('0 means no limit', () => {
    const limiter = createRateLimiter(0, () => 0)
    expect(limiter.available()).toBeGreaterThan(1e9)
    expect(limiter.msUntilNext()).toBe(0)
  })
})

describe('what an error means for a delivery', () => {
  const config = { maxAttempts: 4, retryBaseMs: 1000, retryMaxMs: 5000 }
  const delivery = (attempts: number): ClaimedDelivery => ({ id: 7, issueId: 1, memberId: 2, openid: 'o', templateId: 't', attempts, inDoubt: 0 })
  const err = (code: number) => new WechatError(code, 'x', 'subscribe/send')

  it('backs off exponentially with jitter, capped', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, config, () => 0.5))).toEqual([1000, 2000, 4000, 5000, 5000])
    expect(backoffMs(1, config, () => 0)).toBe(800)
    expect(backoffMs(1, config, () => 1)).toBe(1200)
  })

  it('refuses on 43101, retries 45009/-1/network until the last attempt, fails on anything else', () => {
    expect(outcomeOfError(err(43101), delivery(1), config, 0)).toMatchObject({ kind: 'refused', errcode: 43101 })
    for (const code of [45009, -1, -2]) {
      const o = outcomeOfError(err(code), delivery(2), config, 0)
      expect(o).toMatchObject({ kind: 'retry', errcode: code })
      if (o.kind === 'retry') expect(o.nextAttemptAt).toBeGreaterThanOrEqual(1600)
      expect(outcomeOfError(err(code), delivery(4), config, 0)).toMatchObject({ kind: 'failed', errcode: code })
    }
    expect(outcomeOfError(new TypeError('socket hang up'), delivery(1), config, 0)).toMatchObject({ kind: 'retry', errcode: -2 })
    for (const code of [47003, 40003, 40037, 41030]) expect(outcomeOfError(err(code), delivery(1), config, 0)).toMatchObject({ kind: 'failed', errcode: code })
  })
})
