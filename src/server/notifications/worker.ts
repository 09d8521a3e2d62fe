/**
 * The delivery worker: claims due deliveries, sends them with bounded concurrency and rate, and
 * records each outcome. Runs inside the server process (main.ts) or alone (worker-main.ts).
 *
 * Exactly-once, and the window that remains. WeChat has no idempotency key and no way to ask
 * "did message X arrive?", so no design can be exactly-once across every crash; this one makes the
 * uncertain window as small as we can and says where it is:
 * - A row is claimed (`sending`, leased to this worker) only when a send slot and a rate token are
 *   free, and sent right after: every `sending` row is a request that is really on its way.
 * - Each outcome is written as soon as it arrives: a group commit (outcomes gather for at most
 *   FLUSH_GATHER_MS = 4 ms, or until half the send slots are waiting, then one transaction), with
 *   synchronous commit (PostgreSQL `synchronous_commit = on`; SQLite WAL survives a process kill,
 *   and survives power loss only with `synchronous = FULL`, which the storage sets to NORMAL).
 *   Sending continues while a write commits, but at most 3 × NOTIFY_CONCURRENCY rows are ever
 *   claimed and unrecorded.
 * - If the process dies (kill -9, power), rows claimed but not recorded stay `sending` until their
 *   lease (NOTIFY_LEASE_SECONDS) expires; then any other worker (a restarted one has a new id)
 *   puts them back in the queue, counting
 *   `in_doubt`, and sends them again. That is at-least-once for the few rows unrecorded at the
 *   moment of the crash (at most 3 × NOTIFY_CONCURRENCY, in practice those whose answer arrived in
 *   the last few milliseconds plus those in flight). WeChat's own accounting softens even that:
 *   each accept is one credit on WeChat's side too, so a second copy to a member holding no further
 *   credit is refused with 43101 (we then record `refused` with in_doubt > 0) and only a member who
 *   accepted several times can see a duplicate. We chose this over at-most-once (marking in-doubt
 *   rows failed) because losing a notice silently is worse for the bulletin than a rare second copy.
 * - Two workers never send the same row: claims are exclusive (storage/notifications/claims.ts),
 *   and a worker whose lease expired mid-send still records `sent`, which stops the row being sent
 *   a second time.
 *   A worker never takes back its own expired rows (they are in flight or being recorded), so a
 *   slow send or a database away longer than the lease does not make it send them twice; another
 *   worker still may, so keep the lease well above the WeChat client's request timeout.
 */
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { WechatApi } from '../wechat/api'
import type { ClaimedDelivery, NotificationStore, Outcome } from '../storage/notifications/types'
import type { NotificationConfig } from '../config'
import { outcomeOfError } from './outcomes'
import { createRateLimiter } from './rate-limiter'

export interface WorkerLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface NotificationWorkerDeps {
  /** Storage.notifications: claims, outcomes and message bodies. */
  notifications: NotificationStore
  wechat: WechatApi
  config: NotificationConfig
  logger?: WorkerLogger
  workerId?: string
}

export interface NotificationWorker {
  readonly workerId: string
  /** Look for due deliveries now instead of at the next poll (call after a publish). */
  nudge(): void
  /** Stops claiming, waits for sends in flight and their outcomes to be written. */
  stop(): Promise<void>
  /**
   * Resolves the next time the loop looks and finds nothing due ('idle'), or holds off because
   * WeChat's quota was reached ('paused'); rejects if the worker stops first. Lets a caller (a
   * test) know the worker had its chance to send, instead of sleeping and hoping it did.
   */
  next(state: WorkerState): Promise<void>
}

export type WorkerState = 'idle' | 'paused'

const FLUSH_GATHER_MS = 4
const QUOTA_REACHED = 45009

const silent: WorkerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined }

export function startNotificationWorker(deps: NotificationWorkerDeps): NotificationWorker {
  const { notifications: store, wechat, config } = deps
  const logger = deps.logger ?? silent
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  if (!config.templateId) {
    logger.info({ workerId }, 'notifications: WECHAT_TEMPLATE_NEW_ISSUE not set, worker idle')
    const next = async (state: WorkerState) => {
      if (state !== 'idle') throw new Error(`notification worker without a template is never ${state}`)
    }
    return { workerId, nudge: () => undefined, stop: async () => undefined, next }
  }
  const leaseMs = config.leaseSeconds * 1000
  const limiter = createRateLimiter(config.sendRate)
  const messages = new Map<string, { page: string; data: Record<string, { value: string }> }>()
  const pending: Outcome[] = []
  let running = true
  // Claimed and not yet recorded = sends in flight + outcomes waiting for (or in) a write. Sending
  // goes on while a write commits (an fsync on PostgreSQL), but never more than MAX_UNRECORDED
  // rows are unrecorded at once: that bounds memory and the in-doubt window of a crash.
  let inFlight = 0
  let unrecorded = 0
  const maxUnrecorded = 3 * config.concurrency
  let flushing: Promise<void> = Promise.resolve()
  let flushScheduled = false
  let pausedUntil = 0

  let wake: (() => void) | null = null
  let wakeRequested = false
  const wakeUp = () => {
    if (wake) {
      const w = wake
      wake = null
      w()
    } else wakeRequested = true
  }
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakeRequested || !running) {
        wakeRequested = false
        resolve()
        return
      }
      const timer = setTimeout(() => {
        wake = null
        resolve()
      }, ms)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const watchers: Array<{ state: WorkerState; resolve: () => void; reject: (err: Error) => void }> = []
  const reached = (state: WorkerState) => {
    for (const w of watchers.filter((w) => w.state === state)) {
      watchers.splice(watchers.indexOf(w), 1)
      w.resolve()
    }
  }

  function scheduleFlush() {
    if (flushScheduled) return
    flushScheduled = true
    flushing = flushing.then(async () => {
      // Gather for a few milliseconds (unless half the slots are already waiting): one transaction
      // for many outcomes instead of one each. This adds FLUSH_GATHER_MS to the in-doubt window.
      if (pending.length < config.concurrency / 2) await new Promise((r) => setTimeout(r, FLUSH_GATHER_MS))
      flushScheduled = false
      const batch = pending.splice(0)
      for (let tries = 0; ; tries++) {
        try {
          await store.recordOutcomes(workerId, batch)
          break
        } catch (err) {
          // The database is away: keep the outcomes (they are the only record that WeChat took these messages).
          logger.error({ err, workerId, count: batch.length }, 'notifications: could not record outcomes, retrying')
          if (!running && tries >= 5) return
          await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** tries)))
        }
      }
      unrecorded -= batch.length
      wakeUp()
    })
  }

  function dispatch(delivery: ClaimedDelivery) {
    const body = messages.get(`${delivery.issueId}:${delivery.templateId}`)
    const send = body
      ? wechat.sendSubscribeMessage({ touser: delivery.openid, templateId: delivery.templateId, page: body.page, data: body.data, miniprogramState: config.miniprogramState })
      : Promise.reject(new Error(`no message body for issue ${delivery.issueId}`))
    send
      .then(
        (msgid): Outcome => ({ id: delivery.id, kind: 'sent', msgid: String(msgid) }),
        (err) => outcomeOfError(err, delivery, config),
      )
      .then((outcome) => {
        if (outcome.kind === 'retry' && outcome.errcode === QUOTA_REACHED) {
          // WeChat's quota is for the whole app: every other send would meet the same 45009. Pause.
          pausedUntil = Math.max(pausedUntil, outcome.nextAttemptAt)
        }
        if (outcome.kind === 'failed' || outcome.kind === 'retry')
          logger.warn({ workerId, delivery: delivery.id, errcode: outcome.errcode, kind: outcome.kind }, 'notifications: send failed')
        pending.push(outcome)
        inFlight--
        scheduleFlush()
        wakeUp()
      })
  }

  async function ensureMessages(claimed: ClaimedDelivery[]) {
    const missing = new Map<string, { issueId: number; templateId: string }>()
    for (const d of claimed) {
      const key = `${d.issueId}:${d.templateId}`
      if (!messages.has(key)) missing.set(key, { issueId: d.issueId, templateId: d.templateId })
    }
    if (missing.size === 0) return
    if (messages.size > 200) messages.clear()
    for (const [key, body] of await store.loadIssueMessages([...missing.values()])) messages.set(key, body)
  }

  async function run() {
    logger.info({ workerId, rate: config.sendRate, concurrency: config.concurrency }, 'notifications: worker started')
    let nextSweep = 0
    while (running) {
      try {
        const now = Date.now()
        if (now >= nextSweep) {
          const released = await store.releaseExpiredLeases(now, workerId)
          if (released > 0) logger.warn({ workerId, released }, 'notifications: re-queued deliveries whose worker vanished (outcome in doubt)')
          nextSweep = now + Math.min(leaseMs / 2, 30_000)
        }
        if (now < pausedUntil) {
          reached('paused')
          await sleep(Math.min(pausedUntil - now, config.pollMs * 10))
          continue
        }
        const free = Math.min(config.concurrency - inFlight, maxUnrecorded - unrecorded)
        // Claim in batches of at least half the slots, not one row per finished send.
        if (unrecorded > 0 && free < Math.ceil(config.concurrency / 2)) {
          await sleep(config.pollMs)
          continue
        }
        const allowed = Math.min(free, limiter.available())
        if (allowed <= 0) {
          await sleep(Math.max(1, limiter.msUntilNext()))
          continue
        }
        const claimed = await store.claimDue(workerId, allowed, leaseMs)
        if (claimed.length === 0) {
          reached('idle')
          await sleep(config.pollMs)
          continue
        }
        limiter.take(claimed.length)
        unrecorded += claimed.length
        inFlight += claimed.length
        try {
          await ensureMessages(claimed)
        } finally {
          for (const d of claimed) dispatch(d)
        }
      } catch (err) {
        logger.error({ err, workerId }, 'notifications: worker loop error')
        await sleep(Math.min(5000, config.pollMs * 5))
      }
    }
  }

  const loop = run().catch((err) => logger.error({ err, workerId }, 'notifications: worker stopped by an error'))

  return {
    workerId,
    nudge: wakeUp,
    async stop() {
      running = false
      wakeUp()
      await loop
      const deadline = Date.now() + Math.max(10_000, leaseMs)
      while (unrecorded > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      await flushing
      for (const w of watchers.splice(0)) w.reject(new Error(`notification worker stopped before it was ${w.state}`))
      logger.info({ workerId, unrecorded }, 'notifications: worker stopped')
    },
    next: (state) =>
      new Promise<void>((resolve, reject) => {
        if (!running) reject(new Error(`notification worker stopped before it was ${state}`))
        else watchers.push({ state, resolve, reject })
      }),
  }
}
