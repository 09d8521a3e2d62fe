import { matchRanges } from '../core/search/hit'
import { queryTerms } from '../core/search/normalise'

/**
 * Where a search query occurs in `text`, as [start, end) ranges in the text as written: the search
 * term in an opened article. Matched as search matches (畢節 marks 毕节, ２０２０ marks 2020).
 * Apart from ./highlight-runs because it brings search's matching (the traditional-character table
 * with it, 15 KB gzip), which an article opened from anywhere but search does not need.
 */
export function termRanges(text: string, query: string): Array<[number, number]> {
  return matchRanges(text, queryTerms(query))
}
