/**
 * The inverted index: for every character unigram and bigram of the normalised texts, the documents
 * containing it (ascending) and how often. Grams never span the field separator, so for a one- or
 * two-character term the posting list is the exact answer with exact (overlapping) counts; longer
 * terms intersect their bigrams and are then verified by substring search.
 */
export const SEPARATOR = '\n'

export interface Posting {
  docs: Int32Array
  counts: Int32Array
}

export const EMPTY_POSTING: Posting = { docs: new Int32Array(0), counts: new Int32Array(0) }

export function buildPostings(texts: string[]): Map<string, Posting> {
  return runToEnd(postingSteps(texts))
}

/** Runs a stepwise build to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/** How many documents a build step handles before it offers to pause. */
export const DOCS_PER_STEP = 250

/** buildPostings in steps: it yields every DOCS_PER_STEP documents, so a caller may pause between. */
export function* postingSteps(texts: string[]): Generator<void, Map<string, Posting>> {
  // One map lookup per gram occurrence: documents are visited in order, so a gram's current
  // document, if any, is always the last one in its list.
  const building = new Map<string, { docs: number[]; counts: number[]; last: number }>()
  const add = (gram: string, docIndex: number) => {
    let entry = building.get(gram)
    if (!entry) building.set(gram, (entry = { docs: [], counts: [], last: -1 }))
    if (entry.last === docIndex) entry.counts[entry.counts.length - 1]++
    else {
      entry.docs.push(docIndex)
      entry.counts.push(1)
      entry.last = docIndex
    }
  }
  for (let docIndex = 0; docIndex < texts.length; docIndex++) {
    const text = texts[docIndex]
    for (let i = 0; i < text.length; i++) {
      const unigram = text[i]
      if (unigram === SEPARATOR) continue
      add(unigram, docIndex)
      const next = text[i + 1]
      if (next !== undefined && next !== SEPARATOR) add(unigram + next, docIndex)
    }
    if (docIndex % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield
  }
  const frozen = new Map<string, Posting>()
  for (const [gram, entry] of building) frozen.set(gram, { docs: Int32Array.from(entry.docs), counts: Int32Array.from(entry.counts) })
  return frozen
}

/** Members of `base` present in every list (all sorted ascending). */
export function intersect(base: Int32Array, lists: Int32Array[]): Int32Array {
  let result = base
  for (const list of lists) {
    if (list === result) continue
    const kept: number[] = []
    let j = 0
    for (const value of result) {
      while (j < list.length && list[j] < value) j++
      if (j < list.length && list[j] === value) kept.push(value)
    }
    result = Int32Array.from(kept)
  }
  return result
}

/**
 * For each of `docs` (ascending, a subset of the posting's docs), the posting's count. Read only:
 * for the posting's own list (a one-term query) it is the posting's own counts, not a copy.
 */
export function countsFor(posting: Posting, docs: Int32Array): Int32Array {
  if (docs === posting.docs) return posting.counts
  const out = new Int32Array(docs.length)
  let j = 0
  for (let i = 0; i < docs.length; i++) {
    while (j < posting.docs.length && posting.docs[j] < docs[i]) j++
    if (j < posting.docs.length && posting.docs[j] === docs[i]) out[i] = posting.counts[j]
  }
  return out
}
