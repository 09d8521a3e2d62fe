/**
 * Search normalisation for Chinese text: full/half-width folding (NFKC), case folding, traditional to
 * simplified characters and removal of all white space, so that 「毕节　就业」, "畢節 就業" and
 * "毕节就业" read the same. Pure TS: the server and the client share it.
 *
 * Every normalised UTF-16 unit remembers which span of the original text it came from, so a match
 * found in normalised text can be highlighted in the ORIGINAL title or paragraph.
 */
import type { Range } from '../api'
import { simplifiedOf, toSimplified } from './traditional'

export interface NormalisedText {
  /** The normalised text. */
  text: string
  /** For each unit of `text`: the offset in the original where the character it came from starts. */
  starts: number[]
  /** For each unit of `text`: the offset in the original just after that character. */
  ends: number[]
}

const WHITE_SPACE = /\s/u

/** One code point → its normalised form ('' for white space). */
function foldCodePoint(char: string): string {
  // NFKC first: a compatibility ideograph (U+F900…) becomes its unified form, which may be traditional.
  const folded = toSimplified(char.normalize('NFKC').toLowerCase())
  // NFKC turns the ideographic space U+3000 into ' '; strip every kind of white space.
  let out = ''
  for (const c of folded) if (!WHITE_SPACE.test(c)) out += c
  return out
}

// Folding is per code point, so each one is worked out once and remembered (the text of a bulletin
// uses a few thousand distinct characters); CJK ideographs fold to their simplified form or
// themselves (NFKC and case leave them as they are) and skip even that.
/** Outside the CJK block: code point → its fold, or null when it folds to itself. */
const foldCache = new Map<number, string | null>()

/**
 * The normalised form of code point `code`, or undefined when that is the code point itself (most of
 * a bulletin's characters): callers copy unchanged runs of the original in one slice.
 */
function foldChange(code: number): string | undefined {
  if (code >= 0x4e00 && code <= 0x9fff) return simplifiedOf(code)
  let folded = foldCache.get(code)
  if (folded === undefined) {
    const char = String.fromCodePoint(code)
    const change = foldCodePoint(char)
    folded = change === char ? null : change
    if (foldCache.size < 100_000) foldCache.set(code, folded)
  }
  return folded ?? undefined
}

/** Normalises `original`, keeping the map back to it. */
export function normaliseWithMap(original: string): NormalisedText {
  let text = ''
  const starts: number[] = []
  const ends: number[] = []
  for (let offset = 0; offset < original.length;) {
    const code = original.codePointAt(offset)!
    const width = code > 0xffff ? 2 : 1
    const end = offset + width
    const folded = foldChange(code) ?? original.slice(offset, end)
    for (let i = 0; i < folded.length; i++) {
      starts.push(offset)
      ends.push(end)
    }
    text += folded
    offset = end
  }
  return { text, starts, ends }
}

/**
 * Where the character behind normalised offset `at` starts in `original`, without building the whole
 * map (snippets need just one offset).
 */
export function originalOffset(original: string, at: number): number {
  let produced = 0
  for (let offset = 0; offset < original.length;) {
    const code = original.codePointAt(offset)!
    const width = code > 0xffff ? 2 : 1
    produced += foldChange(code)?.length ?? width
    if (produced > at) return offset
    offset += width
  }
  return original.length
}

/**
 * Normalises `original` without a map back, and tells whether that map would be the identity: every
 * unit of the original became exactly one unit (no white space dropped, no character widened, no
 * surrogate pair), so an offset in the text is the same offset in the original. Most of a bulletin's
 * text is aligned (Chinese characters and punctuation fold one for one), and then highlighting needs
 * no map at all.
 */
export function normaliseAligned(original: string): { text: string; aligned: boolean } {
  let text = ''
  let aligned = true
  // Units from here to the current offset fold to themselves: copied in one slice at the next change.
  let unchangedFrom = 0
  for (let offset = 0; offset < original.length;) {
    const code = original.codePointAt(offset)!
    const width = code > 0xffff ? 2 : 1
    if (width !== 1) aligned = false
    const folded = foldChange(code)
    if (folded !== undefined) {
      if (folded.length !== 1) aligned = false
      text += original.slice(unchangedFrom, offset) + folded
      unchangedFrom = offset + width
    }
    offset += width
  }
  return { text: text + original.slice(unchangedFrom), aligned }
}

/** Normalises text where no map back is needed (queries, the index). */
export function normalise(original: string): string {
  return normaliseAligned(original).text
}

/** A normalised range [start, end) → the range of the original text it came from. */
export function toOriginalRange(map: NormalisedText, start: number, end: number): Range {
  return [map.starts[start], map.ends[end - 1]]
}

/**
 * A user's query → its terms: split on white space (before normalising, since normalising removes
 * it), each term normalised, empty terms and duplicates dropped.
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = []
  for (const part of query.split(/[\s\u3000]+/u)) {
    const term = normalise(part)
    if (term && !terms.includes(term)) terms.push(term)
  }
  return terms
}

/** All start offsets of `term` in `text` (overlapping occurrences included). */
export function occurrences(text: string, term: string): number[] {
  const found: number[] = []
  let at = text.indexOf(term)
  while (at !== -1) {
    found.push(at)
    at = text.indexOf(term, at + 1)
  }
  return found
}

/** How many times `term` occurs in `text` (overlapping included): occurrences().length, no array. */
export function countOccurrences(text: string, term: string): number {
  let count = 0
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) count++
  return count
}

/** Section names are compared without their brackets: 〔信息短波〕, [信息短波] and 信息短波 are one. */
export function sectionKey(name: string): string {
  return normalise(name).replace(/[〔〕[\]【】()（）]/gu, '')
}

/** Merges overlapping or touching ranges; the result is sorted. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Range[] = []
  for (const r of sorted) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}
