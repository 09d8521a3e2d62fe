/**
 * Following a fan-out from outside the worker: polling an issue's delivery counts (storage's
 * NotificationStore.deliveryCounts) and drawing them as a progress bar for a terminal.
 */
import type { DeliveryCounts, NotificationStore } from '../storage/notifications/types'

export type { DeliveryCounts, DeliveryFailure, DeliveryProgress, DeliveryStatus } from '../storage/notifications/types'

/**
 * Polls an issue's delivery counts, calling `onProgress` each time they change, until nothing is
 * queued or sending any more (resolves with the final counts) or `signal` aborts (resolves with the
 * last counts seen). For `npm run import -- --publish FILE`'s progress bar; it only reads, so the
 * worker may be in the server or in its own process.
 */
export async function watchFanOut(
  store: Pick<NotificationStore, 'deliveryCounts'>,
  issueId: number,
  onProgress: (counts: DeliveryCounts) => void,
  options: { intervalMs?: number; signal?: AbortSignal } = {},
): Promise<DeliveryCounts> {
  const intervalMs = options.intervalMs ?? 250
  let last = ''
  for (;;) {
    const counts = await store.deliveryCounts(issueId)
    const key = JSON.stringify(counts)
    if (key !== last) {
      last = key
      onProgress(counts)
    }
    if (counts.queued + counts.sending === 0 || options.signal?.aborted) return counts
    await new Promise<void>((resolve) => {
      // Remove the abort listener whichever way the wait ends, or a long fan-out piles them up.
      const onAbort = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        options.signal?.removeEventListener('abort', onAbort)
        resolve()
      }, intervalMs)
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/** One line for a terminal: `[██████░░░░]  60% 600/1000 sent · 3 refused · 1 failed · 396 to go`. */
export function formatFanOut(counts: DeliveryCounts, width = 30): string {
  const live = counts.total - counts.cancelled
  const done = counts.sent + counts.refused + counts.failed
  const ratio = live === 0 ? 1 : done / live
  const filled = Math.round(ratio * width)
  const parts = [`${counts.sent}/${live} sent`]
  if (counts.refused) parts.push(`${counts.refused} refused`)
  if (counts.failed) parts.push(`${counts.failed} failed`)
  if (live - done > 0) parts.push(`${live - done} to go`)
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${parts.join(' · ')}`
}
