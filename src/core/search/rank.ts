/**
 * Ranking rules, in order: items whose title contains more of the query's terms first; then more
 * occurrences of the terms anywhere in the item (relevance); then the newer issue; then the item id
 * (reading order), so the order is total and pages never overlap. Keys live in typed arrays so that
 * ranking thousands of matches allocates almost nothing.
 */
export interface RankKeys {
  titleTerms: ArrayLike<number>
  occurrences: ArrayLike<number>
  /** YYYYMMDD as a number */
  dates: ArrayLike<number>
  itemIds: ArrayLike<number>
}

export function dateNumber(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 10000 + Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10))
}

/** Positions 0..n-1 of the keys, best first. */
export function rankOrder(keys: RankKeys): number[] {
  const { titleTerms, occurrences, dates, itemIds } = keys
  const order: number[] = []
  for (let i = 0; i < titleTerms.length; i++) order.push(i)
  order.sort((a, b) => titleTerms[b] - titleTerms[a] || occurrences[b] - occurrences[a] || dates[b] - dates[a] || itemIds[a] - itemIds[b])
  return order
}
