/**
 * Fills a subscribe message's `data` from an issue. WeChat names each keyword after its type plus a
 * number (thing1, date2, character_string3) and answers 47003 to a value that breaks the type's
 * rule, and the message is then lost, so every value is cut or reshaped to fit its type here.
 */
import type { Issue, Item } from '../../core/bulletin'

/** What an issue can put into a keyword. A quoted text ("工会信息") is sent as it is (after cutting). */
export const FIELD_SOURCES = ['title', 'titles', 'label', 'date', 'masthead', 'year', 'number', 'articles'] as const
export type FieldSource = (typeof FIELD_SOURCES)[number]

export interface FieldSpec {
  keyword: string
  /** thing, date, character_string … (the keyword without its number) */
  type: string
  source: FieldSource | { text: string }
}

const KEYWORD = /^([a-z_]+?)\d+$/

/** Parses `thing1=title,date2=date,thing3=label` (also `thing4="工会信息"`); throws with the bad part named. */
export function parseFieldSpec(spec: string): FieldSpec[] {
  const fields: FieldSpec[] = []
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const eq = part.indexOf('=')
    if (eq < 0) throw new Error(`"${part}" is not keyword=source`)
    const keyword = part.slice(0, eq).trim()
    const rawSource = part.slice(eq + 1).trim()
    const type = KEYWORD.exec(keyword)?.[1]
    if (!type) throw new Error(`"${keyword}" is not a template keyword like thing1 or date2`)
    if (fields.some((f) => f.keyword === keyword)) throw new Error(`keyword "${keyword}" appears twice`)
    const quoted = /^"(.*)"$/.exec(rawSource)
    if (quoted) {
      if (quoted[1].trim() === '') throw new Error(`"${keyword}" has an empty text`)
      fields.push({ keyword, type, source: { text: quoted[1] } })
    } else if ((FIELD_SOURCES as readonly string[]).includes(rawSource)) {
      fields.push({ keyword, type, source: rawSource as FieldSource })
    } else {
      throw new Error(`"${rawSource}" (for ${keyword}) is not one of ${FIELD_SOURCES.join(', ')} or a "quoted text"`)
    }
  }
  if (fields.length === 0) throw new Error('no keyword=source pairs')
  return fields
}

/** An issue as imported or as stored: only what the message shows. */
type IssueLike = Pick<Issue, 'label' | 'date' | 'masthead' | 'year' | 'number'> & { sections: ReadonlyArray<{ items: ReadonlyArray<Item> }> }

function articleTitles(issue: IssueLike): string[] {
  const titles: string[] = []
  for (const section of issue.sections) for (const item of section.items) if (item.kind === 'article') titles.push(item.title)
  return titles
}

function sourceValue(issue: IssueLike, source: FieldSpec['source']): string {
  if (typeof source === 'object') return source.text
  const titles = articleTitles(issue)
  switch (source) {
    case 'title':
      return titles[0] ?? issue.label
    case 'titles':
      return titles.length > 0 ? titles.slice(0, 3).join('；') : issue.label
    case 'label':
      return issue.label
    case 'date':
      return issue.date
    case 'masthead':
      return issue.masthead
    case 'year':
      return String(issue.year)
    case 'number':
      return String(issue.number)
    case 'articles':
      return String(titles.length)
  }
}

const chars = (s: string) => Array.from(s)
/** Cut to `max` characters (code points), ending with … when something was cut. */
function cut(value: string, max: number): string {
  const cs = chars(value)
  return cs.length <= max ? value : cs.slice(0, max - 1).join('') + '…'
}
const orElse = (value: string, fallback: string) => (value.trim() === '' ? fallback : value)

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})/

/** Reshapes `value` so that WeChat accepts it for a keyword of `type`. `date` is the issue's ISO date, used when a date keyword gets no date. */
export function fitKeywordValue(type: string, value: string, issueDate: string): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  switch (type) {
    case 'thing':
      return cut(orElse(flat, '-'), 20)
    case 'character_string':
      return cut(orElse(flat.replace(/[^\x21-\x7e]/g, ''), '-'), 32)
    case 'number':
      return orElse(flat.replace(/\D/g, ''), '0').slice(0, 32)
    case 'letter':
      return orElse(flat.replace(/[^A-Za-z]/g, ''), 'A').slice(0, 32)
    case 'phrase':
      return chars(orElse(flat.replace(/[^\p{Script=Han}]/gu, ''), '新一期'))
        .slice(0, 5)
        .join('')
    case 'name':
      return /^[A-Za-z .·-]+$/.test(flat) ? flat.slice(0, 20) : chars(orElse(flat, '-')).slice(0, 10).join('')
    case 'amount':
      return orElse(flat.replace(/[^\d.]/g, ''), '0')
    case 'date':
    case 'time': {
      const m = ISO_DATE.exec(flat) ?? ISO_DATE.exec(issueDate)
      return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : issueDate
    }
    default:
      return cut(orElse(flat, '-'), 20)
  }
}

/** The `data` object of the new-issue message. */
export function buildTemplateData(issue: IssueLike, fields: FieldSpec[]): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const field of fields) {
    data[field.keyword] = { value: fitKeywordValue(field.type, sourceValue(issue, field.source), issue.date) }
  }
  return data
}

/** The mini-program page a new-issue message opens (no leading slash, as WeChat wants). */
export const issuePage = (issueId: number) => `pages/issue/index?id=${issueId}`
