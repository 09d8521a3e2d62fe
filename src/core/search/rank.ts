/**
 * Ranking rules, in order: items whose title contains more of the query's terms first; then more
 * occurrences of the terms anywhere in the item (relevance); then the newer issue; then the lower
 * item id (reading order), so the order is total and pages never overlap.
 *
 * Thousands of matches are ranked by packing the four keys into one number per match and sorting a
 * Float64Array natively (no comparator calls); archives too large to pack fall back to a comparator.
 */
export interface RankInput {
  /** Document indices of the matches. */
  docs: ArrayLike<number>
  titleTerms: ArrayLike<number>
  occurrences: ArrayLike<number>
}

export interface RankTables {
  /** Per document: days since 1950-01-01 of its issue. */
  days: Int32Array
  /** Per document: its position when all documents are ordered by item id. */
  idRanks: Int32Array
  /** The inverse: the document at each such position. */
  docOfIdRank: Int32Array
}

const EPOCH = Date.UTC(1950, 0, 1)
const DAY = 86_400_000

export function dayNumber(isoDate: string): number {
  const days = Math.round((Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) - EPOCH) / DAY)
  return Math.min(65535, Math.max(0, days))
}

export function rankTables(dates: string[], itemIds: number[]): RankTables {
  const byId = itemIds.map((id, doc) => ({ id, doc })).sort((a, b) => a.id - b.id)
  const idRanks = new Int32Array(itemIds.length)
  const docOfIdRank = new Int32Array(itemIds.length)
  byId.forEach(({ doc }, rank) => {
    idRanks[doc] = rank
    docOfIdRank[rank] = doc
  })
  return { days: Int32Array.from(dates.map(dayNumber)), idRanks, docOfIdRank }
}

// 4 + 15 + 16 + 18 = 53 bits: exactly what a double holds as an integer (262,144 documents, a
// title holding up to 15 terms, up to 32,767 occurrences; beyond those the comparator ranks).
const TITLE_LIMIT = 16
const COUNT_LIMIT = 32768
const ID_LIMIT = 262144

/**
 * The best `need` of the matches' document indices (all of them by default), best first. Keys are
 * unique (the item id is part of them), so the first `need` are the same whether all are sorted or
 * only the best are selected; a page of 20 out of thousands of matches is selected in one pass.
 */
export function rankDocs({ docs, titleTerms, occurrences }: RankInput, tables: RankTables, need = Infinity): number[] {
  const { days, idRanks, docOfIdRank } = tables
  let packable = idRanks.length <= ID_LIMIT
  for (let i = 0; packable && i < docs.length; i++) packable = titleTerms[i] < TITLE_LIMIT && occurrences[i] < COUNT_LIMIT
  if (!packable) return rankWithComparator({ docs, titleTerms, occurrences }, tables).slice(0, need)
  const keys = new Float64Array(docs.length)
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]
    // Larger is better everywhere, so the lower item id is stored inverted.
    keys[i] = ((titleTerms[i] * COUNT_LIMIT + occurrences[i]) * 65536 + days[doc]) * ID_LIMIT + (ID_LIMIT - 1 - idRanks[doc])
  }
  const best = need * SELECT_RATIO < keys.length ? largestFirst(keys, need) : keys.sort().reverse()
  const ranked: number[] = new Array(best.length)
  for (let i = 0; i < best.length; i++) ranked[i] = docOfIdRank[ID_LIMIT - 1 - (best[i] % ID_LIMIT)]
  return ranked
}

/** Below one wanted key per this many, selecting beats sorting them all. */
const SELECT_RATIO = 8

/**
 * The `count` largest of `keys`, largest first: a min-heap of the best so far (its root the worst of
 * them), O(n log count) whatever the order. (Insertion into a sorted list was quadratic on matches
 * that arrive best-last, as an archive's documents in date order do.)
 */
function largestFirst(keys: Float64Array, count: number): Float64Array {
  const heap = new Float64Array(count)
  if (count === 0) return heap
  let size = 0
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]
    if (size < count) {
      // Sift up.
      let at = size++
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (heap[parent] <= key) break
        heap[at] = heap[parent]
        at = parent
      }
      heap[at] = key
    } else if (key > heap[0]) {
      // Replace the root and sift down.
      let at = 0
      for (;;) {
        const left = 2 * at + 1
        if (left >= size) break
        const right = left + 1
        const child = right < size && heap[right] < heap[left] ? right : left
        if (heap[child] >= key) break
        heap[at] = heap[child]
        at = child
      }
      heap[at] = key
    }
  }
  return heap.subarray(0, size).sort().reverse()
}

function rankWithComparator({ docs, titleTerms, occurrences }: RankInput, { days, idRanks }: RankTables): number[] {
  const order = Array.from({ length: docs.length }, (_, i) => i)
  order.sort((a, b) => titleTerms[b] - titleTerms[a] || occurrences[b] - occurrences[a] || days[docs[b]] - days[docs[a]] || idRanks[docs[a]] - idRanks[docs[b]])
  return order.map((i) => docs[i])
}
