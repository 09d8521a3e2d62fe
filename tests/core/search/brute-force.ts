/**
 * The search guarantee, written the plain way for tests: an item matches when every query term is a
 * substring of one of its fields after a whole-string NFKC + lower-case + no-white-space fold and
 * opencc-js's traditional → simplified characters. This reference shares no code with src/core/search
 * (it reads opencc-js through the table generator, not the generated table).
 */
import * as OpenCC from 'opencc-js'
import type { StoredIssue, StoredItem } from '../../../src/core/bulletin'
import { traditionalPairs } from '../../../tools/traditional-pairs'

let simplified: Map<string, string> | null = null
function simplify(text: string): string {
  if (!simplified) {
    const pairs = traditionalPairs()
    simplified = new Map()
    for (let i = 0; i < pairs.length; i += 2) simplified.set(pairs[i], pairs[i + 1])
  }
  return Array.from(text, (c) => simplified!.get(c) ?? c).join('')
}

export const referenceFold = (text: string) => simplify(text.normalize('NFKC').toLowerCase().replace(/\s/gu, ''))

const traditional = OpenCC.Converter({ from: 'cn', to: 't' })
/** Simplified text as a member in Hong Kong or Taiwan would type it (毕节 → 畢節). */
export const toTraditional = (text: string) => traditional(text)

export function referenceTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .split(/[\s\u3000]+/u)
        .map(referenceFold)
        .filter((t) => t.length > 0),
    ),
  ]
}

export function fieldsOf(item: StoredItem): { title: string | null; fields: string[] } {
  const source = item.source ? [item.source.author ? `${item.source.organization} ${item.source.author}` : item.source.organization] : []
  if (item.kind === 'article') return { title: item.title, fields: [item.title, ...item.paragraphs, ...source] }
  return { title: null, fields: [item.text, ...source] }
}

const foldCache = new WeakMap<StoredItem, string[]>()
function foldedFields(item: StoredItem): string[] {
  let folded = foldCache.get(item)
  if (!folded) foldCache.set(item, (folded = fieldsOf(item).fields.map(referenceFold)))
  return folded
}

function countOccurrences(text: string, term: string): number {
  let count = 0
  for (let i = 0; i + term.length <= text.length; i++) if (text.startsWith(term, i)) count++
  return count
}

export interface Expected {
  itemId: number
  titleTerms: number
  occurrences: number
  date: string
}

/** Every matching item of the published issues with its ranking facts, in no particular order. */
export function bruteForceSearch(issues: StoredIssue[], query: string, filter: { year?: number; section?: string } = {}): Expected[] {
  const terms = referenceTerms(query)
  if (terms.length === 0) return []
  const found: Expected[] = []
  for (const issue of issues) {
    if (issue.status !== 'published') continue
    if (filter.year !== undefined && issue.year !== filter.year) continue
    for (const section of issue.sections) {
      if (filter.section !== undefined && section.name !== filter.section) continue
      for (const item of section.items) {
        const { title } = fieldsOf(item)
        const folded = foldedFields(item)
        if (!terms.every((term) => folded.some((f) => f.includes(term)))) continue
        const foldedTitle = title === null ? null : referenceFold(title)
        found.push({
          itemId: item.id,
          titleTerms: foldedTitle === null ? 0 : terms.filter((t) => foldedTitle.includes(t)).length,
          occurrences: terms.reduce((sum, t) => sum + folded.reduce((s, f) => s + countOccurrences(f, t), 0), 0),
          date: issue.date,
        })
      }
    }
  }
  return found
}

/** Where `ids` (search order) breaks the ranking rules (the last: the lower item id first) for these expectations. */
export function rankingViolations(ids: number[], expected: Expected[]): string[] {
  const byId = new Map(expected.map((e) => [e.itemId, e]))
  const problems: string[] = []
  for (let i = 1; i < ids.length; i++) {
    const a = byId.get(ids[i - 1])!
    const b = byId.get(ids[i])!
    const key = (e: Expected) => [e.titleTerms, e.occurrences]
    const [at, ao] = key(a)
    const [bt, bo] = key(b)
    const ok = at > bt || (at === bt && (ao > bo || (ao === bo && (a.date > b.date || (a.date === b.date && a.itemId < b.itemId)))))
    if (!ok) problems.push(`${a.itemId} (${at} title terms, ${ao} occurrences, ${a.date}) before ${b.itemId} (${bt}, ${bo}, ${b.date})`)
  }
  return problems
}

/** Random queries cut from the stored texts: substrings of length 1..8, sometimes two terms. */
export function randomQueries(issues: StoredIssue[], random: () => number, count: number): string[] {
  const items = issues.flatMap((issue) => issue.sections.flatMap((s) => s.items))
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const substring = () => {
    const field = pick(fieldsOf(pick(items)).fields)
    const length = 1 + Math.floor(random() * 8)
    const start = Math.floor(random() * Math.max(1, field.length - length))
    return field.slice(start, start + length)
  }
  const queries: string[] = []
  for (let i = 0; i < count; i++) {
    let q = substring()
    if (random() < 0.25) q = `${q} ${substring()}`
    if (random() < 0.15) q = toFullWidth(q)
    if (random() < 0.2) q = toTraditional(q)
    queries.push(q)
  }
  return queries
}

/** ASCII letters and digits → their full-width forms, as an editor's Word document may have them. */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}
