/**
 * A matched document → the SearchHit the API sends: the title with its matched ranges, and a snippet
 * cut around the first match in the body, with ranges pointing into the snippet as sent.
 */
import type { Range, SearchHit } from '../api'
import { mergeRanges, normalise, normaliseAligned, normaliseWithMap, occurrences, originalOffset, toOriginalRange } from './normalise'
import type { SearchDocument } from './document'
import { SEPARATOR } from './postings'

const BEFORE = 20
const SNIPPET_LENGTH = 100
const ELLIPSIS = '…'

/** Ranges of every occurrence of every term in `original`, in original offsets, merged. */
export function matchRanges(original: string, terms: string[]): Range[] {
  // Most text is aligned with its normalised form: then no map is needed (see normaliseAligned).
  const { text, aligned } = normaliseAligned(original)
  if (aligned) return alignedMatchRanges(text, terms)
  const map = normaliseWithMap(original)
  const ranges: Range[] = []
  for (const term of terms) {
    for (const at of occurrences(map.text, term)) ranges.push(toOriginalRange(map, at, at + term.length))
  }
  return mergeRanges(ranges)
}

/**
 * What the index holds of a document, so a hit needs no normalising where it can be avoided: its
 * searchable fields normalised and joined with '\n', and which of them are aligned with their
 * normalised form (bit i for field i, title first for articles: see normaliseAligned).
 */
export interface IndexedFields {
  joined: string
  aligned: number
}

/** How many leading fields `IndexedFields.aligned` describes (a 32-bit mask, sign bit unused). */
export const ALIGNED_FIELDS = 31

const isAligned = (indexed: IndexedFields, field: number) => field < ALIGNED_FIELDS && (indexed.aligned & (1 << field)) !== 0

/**
 * `indexed` (optional) lets the snippet go straight to the first field that matches, and skips
 * normalising the title and snippet again where they are aligned.
 */
export function buildHit(doc: SearchDocument, terms: string[], indexed?: IndexedFields): SearchHit {
  const titleRanges = doc.hasTitle ? titleMatchRanges(doc, terms, indexed) : briefTitleRanges(doc, terms, indexed)
  const { snippet, snippetRanges } = indexed === undefined ? buildSnippet(doc.texts, terms) : snippetFromFields(doc, terms, indexed)
  return {
    itemId: doc.itemId,
    kind: doc.kind,
    issueId: doc.issueId,
    issueLabel: doc.issueLabel,
    date: doc.date,
    section: doc.section,
    title: doc.title,
    titleRanges,
    snippet,
    snippetRanges,
    source: doc.source,
  }
}

/**
 * matchRanges for a text already normalised and aligned with it: the offsets of the matches are
 * the original's, so the ranges are the occurrences themselves.
 */
function alignedMatchRanges(normalised: string, terms: string[]): Range[] {
  const ranges: Range[] = []
  for (const term of terms) {
    for (const at of occurrences(normalised, term)) ranges.push([at, at + term.length])
  }
  return mergeRanges(ranges)
}

/** An article's title is its first field. */
function titleMatchRanges(doc: SearchDocument, terms: string[], indexed?: IndexedFields): Range[] {
  if (indexed !== undefined && isAligned(indexed, 0)) return alignedMatchRanges(indexed.joined.slice(0, doc.title.length), terms)
  return matchRanges(doc.title, terms)
}

/**
 * A brief's title is its opening words (maybe with '…'): highlight what falls inside them. They open
 * its first field, so when that field is aligned they are normalised already.
 */
function briefTitleRanges(doc: SearchDocument, terms: string[], indexed?: IndexedFields): Range[] {
  const visible = doc.title.endsWith(ELLIPSIS) ? doc.title.slice(0, -1) : doc.title
  if (indexed !== undefined && isAligned(indexed, 0) && doc.texts[0]?.startsWith(visible)) return alignedMatchRanges(indexed.joined.slice(0, visible.length), terms)
  return matchRanges(visible, terms)
}

function buildSnippet(texts: string[], terms: string[]): { snippet: string; snippetRanges: Range[] } {
  for (const text of texts) {
    const folded = normalise(text)
    let first = -1
    for (const term of terms) {
      const at = folded.indexOf(term)
      if (at !== -1 && (first === -1 || at < first)) first = at
    }
    if (first !== -1) return cut(text, terms, originalOffset(text, first))
  }
  // Matched in the title only: show the opening of the body.
  return cut(texts[0] ?? '', [], 0)
}

/**
 * buildSnippet on the joined normalised fields, without splitting them per hit: terms never contain
 * the separator, so the earliest match of any term after the title lies in the first field that
 * matches at all, and is that field's earliest match. An aligned field needs no normalising again:
 * the match's offset is the original's, and the window's normalised text is a slice of `joined`.
 */
function snippetFromFields(doc: SearchDocument, terms: string[], { joined, aligned }: IndexedFields): { snippet: string; snippetRanges: Range[] } {
  const { texts, hasTitle } = doc
  const bodyStart = hasTitle ? joined.indexOf(SEPARATOR) + 1 : 0
  let first = -1
  if (!hasTitle || bodyStart > 0) {
    for (const term of terms) {
      const at = joined.indexOf(term, bodyStart)
      if (at !== -1 && (first === -1 || at < first)) first = at
    }
  }
  if (first === -1) return cut(texts[0] ?? '', [], 0)
  let field = 0
  let fieldStart = bodyStart
  for (let at = joined.indexOf(SEPARATOR, bodyStart); at !== -1 && at < first; at = joined.indexOf(SEPARATOR, at + 1)) {
    field++
    fieldStart = at + 1
  }
  const text = texts[field]
  if (!isAligned({ joined, aligned }, field + (hasTitle ? 1 : 0))) return cut(text, terms, originalOffset(text, first - fieldStart))
  return cut(text, terms, first - fieldStart, (start, end) => alignedMatchRanges(joined.slice(fieldStart + start, fieldStart + end), terms))
}

/**
 * A window of `text` around `firstMatch`, with the matches inside it highlighted: found by
 * `rangesIn(start, end)` when given (the ranges of the terms in text.slice(start, end)).
 */
function cut(
  text: string,
  terms: string[],
  firstMatch: number,
  rangesIn = (start: number, end: number) => matchRanges(text.slice(start, end), terms),
): { snippet: string; snippetRanges: Range[] } {
  let start = Math.max(0, firstMatch - BEFORE)
  if (isLowSurrogate(text, start)) start--
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  if (isLowSurrogate(text, end)) end++
  const prefix = start > 0 ? ELLIPSIS : ''
  const suffix = end < text.length ? ELLIPSIS : ''
  // Folding is per character, so the window's own matches are the text's matches inside it (a match
  // running over the window's edge is cut off, as the snippet itself is).
  const snippetRanges: Range[] = terms.length === 0 ? [] : rangesIn(start, end).map(([s, e]) => [s + prefix.length, e + prefix.length])
  return { snippet: prefix + text.slice(start, end) + suffix, snippetRanges }
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code >= 0xdc00 && code <= 0xdfff
}
