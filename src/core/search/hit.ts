/**
 * A matched document → the SearchHit the API sends: the title with its matched ranges, and a snippet
 * cut around the first match in the body, with ranges pointing into the snippet as sent.
 */
import type { Range, SearchHit } from '../api'
import { mergeRanges, normalise, normaliseWithMap, occurrences, originalOffset, toOriginalRange } from './normalise'
import type { SearchDocument } from './document'
import { SEPARATOR } from './postings'

const BEFORE = 20
const SNIPPET_LENGTH = 100
const ELLIPSIS = '…'

/** Ranges of every occurrence of every term in `original`, in original offsets, merged. */
export function matchRanges(original: string, terms: string[]): Range[] {
  const map = normaliseWithMap(original)
  const ranges: Range[] = []
  for (const term of terms) {
    for (const at of occurrences(map.text, term)) ranges.push(toOriginalRange(map, at, at + term.length))
  }
  return mergeRanges(ranges)
}

/**
 * `normalisedFields` (optional) is the document's searchable fields, normalised and joined with '\n'
 * as the index holds them: it lets the snippet go straight to the first field that matches.
 */
export function buildHit(doc: SearchDocument, terms: string[], normalisedFields?: string): SearchHit {
  const titleRanges = doc.hasTitle ? matchRanges(doc.title, terms) : briefTitleRanges(doc, terms)
  const { snippet, snippetRanges } = normalisedFields === undefined ? buildSnippet(doc.texts, terms) : snippetFromFields(doc.texts, terms, normalisedFields, doc.hasTitle)
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

/** A brief's title is its opening words (maybe with '…'): highlight what falls inside them. */
function briefTitleRanges(doc: SearchDocument, terms: string[]): Range[] {
  const visible = doc.title.endsWith(ELLIPSIS) ? doc.title.slice(0, -1) : doc.title
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
 * matches at all, and is that field's earliest match.
 */
function snippetFromFields(texts: string[], terms: string[], joined: string, hasTitle: boolean): { snippet: string; snippetRanges: Range[] } {
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
  return cut(texts[field], terms, originalOffset(texts[field], first - fieldStart))
}

/** A window of `text` around `firstMatch`, with the matches inside it highlighted. */
function cut(text: string, terms: string[], firstMatch: number): { snippet: string; snippetRanges: Range[] } {
  let start = Math.max(0, firstMatch - BEFORE)
  if (isLowSurrogate(text, start)) start--
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  if (isLowSurrogate(text, end)) end++
  const prefix = start > 0 ? ELLIPSIS : ''
  const suffix = end < text.length ? ELLIPSIS : ''
  // Folding is per character, so the window's own matches are the text's matches inside it (a match
  // running over the window's edge is cut off, as the snippet itself is).
  const snippetRanges: Range[] = terms.length === 0 ? [] : matchRanges(text.slice(start, end), terms).map(([s, e]) => [s + prefix.length, e + prefix.length])
  return { snippet: prefix + text.slice(start, end) + suffix, snippetRanges }
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code >= 0xdc00 && code <= 0xdfff
}
