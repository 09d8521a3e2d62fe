/**
 * Rows ↔ the bulletin's types. An issue row keeps the header fields as JSON; items are rows of their
 * own (stable ids for articles and favourites). Times are epoch milliseconds in the database and ISO
 * strings in the bulletin's types: converted here, at the row boundary.
 */
import type { Insertable, Selectable } from 'kysely'
import type { Article, Block, Correction, Distribution, Editor, ImportWarning, Issue, Item, SectionContents, Source, StoredIssue, StoredItem, WithId } from '../../core/bulletin'
import type { IssuesTable, ItemsTable } from './schema'

export interface IssueHeader {
  masthead: string
  publisher: string | null
  permit: string | null
  distribution: Distribution
  editor: Editor
  warnings: ImportWarning[]
  sectionNames: string[]
  /** Only for a double issue / when printed / a special issue (absent in rows written before them). */
  numbers?: number[]
  totalNumber?: number
  special?: true
}

export type IssueRow = Selectable<IssuesTable>
export type ItemRow = Selectable<ItemsTable>
export type ItemValues = Omit<Insertable<ItemsTable>, 'id' | 'issue_id'>

export function headerOf(issue: Issue): string {
  const header: IssueHeader = {
    masthead: issue.masthead,
    publisher: issue.publisher,
    permit: issue.permit,
    distribution: issue.distribution,
    editor: issue.editor,
    warnings: issue.warnings,
    sectionNames: issue.sections.map((s) => s.name),
    ...(issue.numbers ? { numbers: issue.numbers } : {}),
    ...(issue.totalNumber !== undefined ? { totalNumber: issue.totalNumber } : {}),
    ...(issue.special ? { special: true as const } : {}),
  }
  return JSON.stringify(header)
}

export function parseHeader(row: Pick<IssueRow, 'header'>): IssueHeader {
  return JSON.parse(row.header) as IssueHeader
}

/** The issue's items in reading order, as row values. */
export function itemValuesOf(issue: Issue): ItemValues[] {
  const values: ItemValues[] = []
  issue.sections.forEach((section, sectionIndex) => {
    for (const item of section.items) values.push(itemValues(item, sectionIndex, values.length))
  })
  return values
}

function itemValues(item: Item, sectionIndex: number, position: number): ItemValues {
  return {
    section_index: sectionIndex,
    position,
    kind: item.kind,
    title: item.kind === 'article' ? item.title : null,
    body: item.kind === 'article' ? JSON.stringify(item.paragraphs) : item.text,
    source_organization: item.source?.organization ?? null,
    source_author: item.source?.author ?? null,
    source_role: item.source?.role ?? null,
    blocks: item.kind === 'article' && item.blocks ? JSON.stringify(item.blocks) : null,
  }
}

function sourceFromRow(row: ItemRow): Source | null {
  if (row.source_organization === null) return null
  const source: Source = { organization: row.source_organization, author: row.source_author }
  if (row.source_role !== null) source.role = row.source_role
  return source
}

/** `corrections`: the item's, when it has any (an article without corrections carries no such field). */
export function itemFromRow(row: ItemRow, corrections?: Correction[]): StoredItem {
  const source = sourceFromRow(row)
  if (row.kind === 'article') {
    const article: WithId<Article> = { id: row.id, kind: 'article', title: row.title ?? '', paragraphs: JSON.parse(row.body) as string[], source }
    if (row.blocks !== null) article.blocks = JSON.parse(row.blocks) as Block[]
    if (corrections && corrections.length > 0) article.corrections = corrections
    return article
  }
  return { id: row.id, kind: 'brief', text: row.body, source }
}

export function storedIssueFromRows(row: IssueRow, items: ItemRow[], corrections: Map<number, Correction[]> = new Map()): StoredIssue {
  const header = parseHeader(row)
  const sections = header.sectionNames.map((name) => ({ name, items: [] as StoredItem[] }))
  for (const item of items) sections[item.section_index]?.items.push(itemFromRow(item, corrections.get(item.id)))
  return {
    id: row.id,
    status: row.status,
    publishedAt: isoOrNull(row.published_at),
    importedAt: isoOf(row.imported_at),
    masthead: header.masthead,
    year: row.year,
    number: row.number,
    label: row.label,
    ...(header.numbers ? { numbers: header.numbers } : {}),
    ...(header.totalNumber !== undefined ? { totalNumber: header.totalNumber } : {}),
    ...(header.special ? { special: true as const } : {}),
    publisher: header.publisher,
    permit: header.permit,
    date: row.date,
    sections,
    distribution: header.distribution,
    editor: header.editor,
    warnings: header.warnings,
  }
}

export type ContentsItemRow = Pick<ItemRow, 'id' | 'issue_id' | 'section_index' | 'kind' | 'title'>

/** The contents of one issue from its items' ids, kinds and titles (in reading order). */
export function contentsOf(header: IssueHeader, items: ContentsItemRow[]): SectionContents[] {
  const sections: SectionContents[] = header.sectionNames.map((name) => ({ name, articles: [], briefCount: 0 }))
  for (const item of items) {
    const section = sections[item.section_index]
    if (!section) continue
    if (item.kind === 'article') section.articles.push({ id: item.id, title: item.title ?? '' })
    else section.briefCount++
  }
  return sections
}

/** Timestamps are epoch milliseconds in both databases, so they compare and sort the same way. */
export function now(): number {
  return Date.now()
}

/** A time column as an ISO string. Number(): pg returns bigint columns as strings. */
export function isoOf(millis: number | string): string {
  return new Date(Number(millis)).toISOString()
}

export function isoOrNull(millis: number | string | null): string | null {
  return millis === null ? null : isoOf(millis)
}
