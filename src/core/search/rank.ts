/**
 * Ranking rules, in order: items whose title contains more of the query's terms first; then more
 * occurrences of the terms anywhere in the item (relevance); then the newer issue; then the lower
 * item id (reading order), so the order is total and pages never overlap.
 *
 * The index numbers its documents in the order of the last two rules (tieBreakOrder), so a lower
 * document index IS the better tie-break and ranking needs no per-document table: thousands of
 * matches are ranked by packing (title terms, occurrences, document index) into one number per match
 * and selecting or sorting those numbers natively (no comparator calls); matches too large to pack
 * fall back to a comparator.
 */
export interface RankInput {
  /** Document indices of the matches, in tie-break order (lower is better among equals). */
  docs: ArrayLike<number>
  titleTerms: ArrayLike<number>
  occurrences: ArrayLike<number>
}

const EPOCH = Date.UTC(1950, 0, 1)
const DAY = 86_400_000

/** Days since 1950-01-01 of an ISO date, within 0 … 65,535 (the issue dates compared). */
export function dayNumber(isoDate: string): number {
  const days = Math.round((Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) - EPOCH) / DAY)
  return Math.min(65535, Math.max(0, days))
}

/**
 * The documents (by their indices in `dates` and `itemIds`) in tie-break order: the newer issue
 * first, then the lower item id (then the earlier given, so equal ids stay in a fixed order).
 */
export function tieBreakOrder(dates: string[], itemIds: number[]): Int32Array {
  const days = dates.map(dayNumber)
  const order = Array.from({ length: dates.length }, (_, d) => d)
  order.sort((a, b) => days[b] - days[a] || itemIds[a] - itemIds[b] || a - b)
  return Int32Array.from(order)
}

// 4 + 15 + 18 = 37 bits, well within the 53 a double holds as an integer (262,144 documents, a title
// holding up to 15 terms, up to 32,767 occurrences; beyond those the comparator ranks).
const TITLE_LIMIT = 16
const COUNT_LIMIT = 32768
const DOC_LIMIT = 262144

/**
 * The best `need` of the matches' document indices (all of them by default), best first. Keys are
 * unique (the document index is part of them), so the first `need` are the same whether all are
 * sorted or only the best are selected; a page of 20 out of thousands of matches is selected in one
 * pass.
 */
export function rankDocs(matches: RankInput, need = Infinity): number[] {
  const best = need * SELECT_RATIO < matches.docs.length ? largestFirst(matches, need) : sortedKeys(matches)
  if (best === null) return rankWithComparator(matches).slice(0, need)
  const ranked: number[] = new Array(best.length)
  for (let i = 0; i < best.length; i++) ranked[i] = DOC_LIMIT - 1 - (best[i] % DOC_LIMIT)
  return ranked
}

/**
 * Match i's key, or -1 when it does not pack. Larger is better everywhere, so the (lower is better)
 * document index is inverted.
 */
function key({ docs, titleTerms, occurrences }: RankInput, i: number): number {
  if (titleTerms[i] >= TITLE_LIMIT || occurrences[i] >= COUNT_LIMIT || docs[i] >= DOC_LIMIT) return -1
  return (titleTerms[i] * COUNT_LIMIT + occurrences[i]) * DOC_LIMIT + (DOC_LIMIT - 1 - docs[i])
}

/** Every key, largest first; null when one does not pack. */
function sortedKeys(matches: RankInput): Float64Array | null {
  const keys = new Float64Array(matches.docs.length)
  for (let i = 0; i < keys.length; i++) if ((keys[i] = key(matches, i)) < 0) return null
  return keys.sort().reverse()
}

/** Below one wanted key per this many, selecting beats sorting them all. */
const SELECT_RATIO = 8

/**
 * The `count` largest keys of the matches, largest first (null when one does not pack): a min-heap of the best so far (its root the
 * worst of them), O(n log count) whatever the order. Matches arrive in document order, best tie-break
 * first, so once the heap is full most of them lose to its root at once.
 */
function largestFirst(matches: RankInput, count: number): Float64Array | null {
  const heap = new Float64Array(count)
  let size = 0
  for (let i = 0; i < matches.docs.length; i++) {
    const k = key(matches, i)
    if (k < 0) return null
    if (count === 0) continue
    if (size < count) {
      // Sift up.
      let at = size++
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (heap[parent] <= k) break
        heap[at] = heap[parent]
        at = parent
      }
      heap[at] = k
    } else if (k > heap[0]) {
      // Replace the root and sift down.
      let at = 0
      for (;;) {
        const left = 2 * at + 1
        if (left >= size) break
        const right = left + 1
        const child = right < size && heap[right] < heap[left] ? right : left
        if (heap[child] >= k) break
        heap[at] = heap[child]
        at = child
      }
      heap[at] = k
    }
  }
  return heap.subarray(0, size).sort().reverse()
}

function rankWithComparator({ docs, titleTerms, occurrences }: RankInput): number[] {
  const order = Array.from({ length: docs.length }, (_, i) => i)
  order.sort((a, b) => titleTerms[b] - titleTerms[a] || occurrences[b] - occurrences[a] || docs[a] - docs[b])
  return order.map((i) => docs[i])
}
