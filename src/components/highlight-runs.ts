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
