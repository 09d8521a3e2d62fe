/**
 * The positional index: every document's normalised text laid end to end (a separator after each,
 * then padding up to the next block: see BLOCK_SHIFT), and for every character (UTF-16 unit) and
 * every bigram the positions where it occurs, ascending. Grams never span the field separator. A
 * term of any length is then found exactly, without reading any text: it occurs at p when each of
 * the bigrams covering it occurs at its offset from p, which is a merge of sorted position lists.
 * The positions also give each document's exact (overlapping) occurrence count and whether the term
 * is in its title.
 *
 * Built with one counting sort into one Int32Array per gram size (no per-gram arrays, little for the
 * garbage collector), in steps so that a caller may pause between them.
 */
export const SEPARATOR = '\n'
const SEPARATOR_CODE = SEPARATOR.charCodeAt(0)

export const EMPTY = new Int32Array(0)

/** Runs a stepwise build to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/** How many documents a build step handles before it offers to pause. */
export const DOCS_PER_STEP = 250
/** How many text units a build step handles before it offers to pause (a few milliseconds' work). */
const UNITS_PER_STEP = 1 << 17

/** An open-addressing map of non-negative integer keys → dense ids 0, 1, 2 … in order of first sight. */
class DenseIds {
  private keys = new Int32Array(1 << 12).fill(-1)
  private ids = new Int32Array(1 << 12)
  size = 0

  get(key: number): number {
    const mask = this.keys.length - 1
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const found = this.keys[slot]
      if (found === key) return this.ids[slot]
      if (found === -1) return -1
    }
  }

  add(key: number): number {
    const mask = this.keys.length - 1
    let slot = hash(key) & mask
    for (; this.keys[slot] !== -1; slot = (slot + 1) & mask) if (this.keys[slot] === key) return this.ids[slot]
    this.keys[slot] = key
    this.ids[slot] = this.size++
    if (this.size * 2 > this.keys.length) this.grow()
    return this.size - 1
  }

  private grow() {
    const { keys, ids } = this
    this.keys = new Int32Array(keys.length * 2).fill(-1)
    this.ids = new Int32Array(keys.length * 2)
    const mask = this.keys.length - 1
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue
      let slot = hash(keys[i]) & mask
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask
      this.keys[slot] = keys[i]
      this.ids[slot] = ids[i]
    }
  }
}

const hash = (key: number) => Math.imul(key, 0x9e3779b1) >>> 7

export interface Postings {
  /**
   * Where document d starts in the laid-out text, always on a block boundary; docStarts[n] is the
   * text's length. Document d's text and separator lie at docStarts[d] … docStarts[d] + length, and
   * the rest up to docStarts[d + 1] is padding, where no gram occurs.
   */
  docStarts: Int32Array
  /** The document of every block of the laid-out text (see documentAt). */
  blockDocs: Int32Array
  /** Positions of a one- or two-unit gram, ascending (EMPTY when it never occurs). */
  positions(gram: string): Int32Array
}

/** A list of counts that grows (one per gram id). */
class Counts {
  values = new Int32Array(1 << 12)
  bump(id: number) {
    if (id >= this.values.length) {
      const grown = new Int32Array(Math.max(this.values.length * 2, id + 1))
      grown.set(this.values)
      this.values = grown
    }
    this.values[id]++
  }
}

/** Postings of `texts` (one normalised string per document), in steps. */
export function* postingSteps(texts: string[]): Generator<void, Postings> {
  const docStarts = new Int32Array(texts.length + 1)
  for (let d = 0; d < texts.length; d++) docStarts[d + 1] = blockAfter(docStarts[d] + texts[d].length + 1)
  // Units → dense character ids, so a bigram's key (first * units + second) stays a small integer.
  const charIds = new Int32Array(65536).fill(-1)
  let chars = 0
  let done = 0
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code !== SEPARATOR_CODE && charIds[code] === -1) charIds[code] = chars++
    }
    if ((done += text.length) >= UNITS_PER_STEP) {
      done = 0
      yield
    }
  }
  const bigrams = new DenseIds()
  const charCounts = new Int32Array(chars)
  const bigramCounts = new Counts()
  const bigramKey = (first: number, second: number) => first * chars + second
  // Pass 1: how often each gram occurs.
  for (const text of texts) {
    let previous = -1
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      const id = code === SEPARATOR_CODE ? -1 : charIds[code]
      if (id !== -1) {
        charCounts[id]++
        if (previous !== -1) bigramCounts.bump(bigrams.add(bigramKey(previous, id)))
      }
      previous = id
    }
    if ((done += text.length) >= UNITS_PER_STEP) {
      done = 0
      yield
    }
  }
  // Pass 2: each gram's positions into its slice of one array (counting sort, positions ascending).
  yield
  const charStarts = prefixSums(charCounts, chars)
  const bigramStarts = prefixSums(bigramCounts.values, bigrams.size)
  yield
  // The two largest arrays (four bytes per unit of text each), one step each.
  const charPositions = new Int32Array(charStarts[chars])
  yield
  const bigramPositions = new Int32Array(bigramStarts[bigrams.size])
  yield
  const charNext = charStarts.slice(0, chars)
  const bigramNext = bigramStarts.slice(0, bigrams.size)
  for (let d = 0; d < texts.length; d++) {
    const text = texts[d]
    const base = docStarts[d]
    let previous = -1
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      const id = code === SEPARATOR_CODE ? -1 : charIds[code]
      if (id !== -1) {
        charPositions[charNext[id]++] = base + i
        if (previous !== -1) bigramPositions[bigramNext[bigrams.get(bigramKey(previous, id))]++] = base + i - 1
      }
      previous = id
    }
    if ((done += text.length) >= UNITS_PER_STEP) {
      done = 0
      yield
    }
  }
  return {
    docStarts,
    blockDocs: blockDocuments(docStarts),
    positions(gram) {
      const first = charIds[gram.charCodeAt(0)]
      if (first === -1 || first === undefined) return EMPTY
      if (gram.length === 1) return charPositions.subarray(charStarts[first], charStarts[first + 1])
      const second = charIds[gram.charCodeAt(1)]
      const id = second === -1 || second === undefined ? -1 : bigrams.get(bigramKey(first, second))
      return id === -1 ? EMPTY : bigramPositions.subarray(bigramStarts[id], bigramStarts[id + 1])
    },
  }
}

/**
 * Finding the document at a position with one read: the laid-out text is cut into blocks of
 * 2^BLOCK_SHIFT units and every document starts on a block boundary, so each block belongs to one
 * document and a table gives it. The padding costs no memory but this table's, 4 bytes per block
 * (about 1 byte per 16 units of text with blocks of 64: documents are a few hundred units long).
 */
export const BLOCK_SHIFT = 6
const BLOCK = 1 << BLOCK_SHIFT

/** The first block boundary at or after `position`. */
const blockAfter = (position: number) => Math.ceil(position / BLOCK) * BLOCK

function blockDocuments(docStarts: Int32Array): Int32Array {
  const blocks = new Int32Array(docStarts[docStarts.length - 1] / BLOCK)
  for (let d = 0; d + 1 < docStarts.length; d++) blocks.fill(d, docStarts[d] / BLOCK, docStarts[d + 1] / BLOCK)
  return blocks
}

/** The document holding position `p` (a position some gram occurs at). */
export function documentAt(blockDocs: Int32Array, p: number): number {
  return blockDocs[p >> BLOCK_SHIFT]
}

function prefixSums(counts: Int32Array, size: number): Int32Array {
  const starts = new Int32Array(size + 1)
  for (let i = 0; i < size; i++) starts[i + 1] = starts[i] + counts[i]
  return starts
}

/**
 * Every position where `term` (no separator in it) occurs, ascending: the positions of its first
 * bigram at which the bigrams at offsets 2, 4 … and the last one follow (together they cover every
 * unit of the term). The rarest bigram leads, so the work is about the length of the shortest list.
 */
export function termPositions(postings: Postings, term: string): Int32Array {
  if (term.length <= 2) return postings.positions(term)
  const offsets: number[] = []
  for (let at = 0; at + 2 <= term.length; at += 2) offsets.push(at)
  if (offsets[offsets.length - 1] !== term.length - 2) offsets.push(term.length - 2)
  const lists = offsets.map((at) => ({ at, list: postings.positions(term.slice(at, at + 2)) })).sort((a, b) => a.list.length - b.list.length)
  const lead = lists[0]
  // Where the term may start (the lead's positions less its offset), narrowed by each other bigram.
  const found = new Int32Array(lead.list.length)
  let size = keepFollowed(lead.list, -lead.at, lead.list.length, lists[1].list, lists[1].at, found)
  for (let k = 2; k < lists.length && size > 0; k++) size = keepFollowed(found, 0, size, lists[k].list, lists[k].at, found)
  return found.subarray(0, size)
}

/** Past this many times the candidates, a list is searched by galloping rather than walked. */
const GALLOP_RATIO = 16
/** How far a walk through a list strides before it steps one by one. */
const STRIDE = 8

/**
 * Writes to `out` (which may be `from` itself) the candidates c = from[i] + shift, i < size, for which
 * sorted `list` holds c + at; returns how many. A list of similar length is walked (striding over
 * runs of smaller values, then stepping), a much longer one galloped through.
 */
function keepFollowed(from: Int32Array, shift: number, size: number, list: Int32Array, at: number, out: Int32Array): number {
  let kept = 0
  let j = 0
  const gallop = list.length > GALLOP_RATIO * size
  for (let i = 0; i < size; i++) {
    const want = from[i] + shift + at
    if (gallop) j = lowerBound(list, want, j)
    else {
      while (j + STRIDE < list.length && list[j + STRIDE] < want) j += STRIDE
      while (j < list.length && list[j] < want) j++
    }
    if (j === list.length) break
    if (list[j] === want) out[kept++] = want - at
  }
  return kept
}

/** The first index ≥ from of sorted `list` whose value is ≥ want (galloping: cheap for near ones). */
export function lowerBound(list: Int32Array, want: number, from = 0): number {
  let low = from
  let step = 1
  let high = from
  while (high < list.length && list[high] < want) {
    low = high + 1
    high += step
    step *= 2
  }
  high = Math.min(high, list.length)
  while (low < high) {
    const mid = (low + high) >>> 1
    if (list[mid] < want) low = mid + 1
    else high = mid
  }
  return low
}

/** A term's matches per document: ascending document indices, each one's count and title flag. */
export interface TermMatches {
  docs: Int32Array
  counts: Int32Array
  /**
   * 1 where one of the occurrences lies in the document's title, else 0: an Int32Array, so that the
   * intersection sums title terms into the first term's array in place.
   */
  inTitle: Int32Array
}

/** Positions (ascending) → the documents holding them; `titleEnds[d]` ends document d's title. */
export function matchesByDocument(positions: Int32Array, blockDocs: Int32Array, titleEnds: Int32Array): TermMatches {
  const docs = new Int32Array(Math.min(positions.length, titleEnds.length))
  const counts = new Int32Array(docs.length)
  const inTitle = new Int32Array(docs.length)
  let n = -1
  let doc = -1
  let titleEnd = -1
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]
    const at = documentAt(blockDocs, p)
    if (at !== doc) {
      doc = at
      titleEnd = titleEnds[doc]
      docs[++n] = doc
    }
    counts[n]++
    if (p < titleEnd) inTitle[n] = 1
  }
  return { docs: docs.subarray(0, n + 1), counts: counts.subarray(0, n + 1), inTitle: inTitle.subarray(0, n + 1) }
}
