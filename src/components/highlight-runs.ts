import { matchRanges } from '../core/search/hit'
import { queryTerms } from '../core/search/normalise'

/**
 * Where a search query occurs in `text`, as [start, end) ranges in the text as written: the search
 * term in an opened article. Matched as search matches (畢節 marks 毕节, ２０２０ marks 2020).
 */
export function termRanges(text: string, query: string): Array<[number, number]> {
  return matchRanges(text, queryTerms(query))
}

/** Splits text into plain and highlighted runs from [start, end) ranges (overlaps merged). */
export function highlightRuns(text: string, ranges: Array<[number, number]>): Array<{ text: string; hit: boolean }> {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
  const runs: Array<{ text: string; hit: boolean }> = []
  let at = 0
  for (const [start, end] of sorted) {
    if (end <= at) continue
    const from = Math.max(start, at)
    if (from > at) runs.push({ text: text.slice(at, from), hit: false })
    const last = runs[runs.length - 1]
    if (last?.hit && from === at) last.text += text.slice(from, end)
    else runs.push({ text: text.slice(from, end), hit: true })
    at = end
  }
  if (at < text.length) runs.push({ text: text.slice(at), hit: false })
  return runs
}
