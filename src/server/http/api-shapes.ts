/**
 * The domain (src/core/bulletin.ts) in the API's shapes (src/core/api.ts): what a member's client
 * is sent of an issue is less than what an editor sees.
 */
import type { IssueOverview } from '../../core/bulletin'
import type { IssueSummary } from '../../core/api'

/** The public list row: the overview without its status, import time and warning count. */
export function toIssueSummary({ id, label, year, number, date, publishedAt, contents }: IssueOverview): IssueSummary {
  return { id, label, year, number, date, publishedAt, contents }
}
