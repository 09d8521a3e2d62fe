import type { IssueSummary } from '../../core/api'
import { newestFirst } from '../../core/issue-order'

/**
 * The issues home lists: the fetched (or device-kept) list, and with no network also every saved
 * issue not in it, newest first, so what is on the phone is all there to open.
 */
export function issuesOnPhone(items: IssueSummary[], saved: Record<string, { summary: IssueSummary }>, offline: boolean): IssueSummary[] {
  if (!offline) return items
  const listed = new Set(items.map((i) => i.id))
  const extra = Object.values(saved)
    .map((s) => s.summary)
    .filter((s) => !listed.has(s.id))
  if (!extra.length) return items
  return [...items, ...extra].sort(newestFirst)
}
