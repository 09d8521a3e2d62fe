/** Every item of every published issue as a SearchDocument, read in two queries. */
import type { Kysely } from 'kysely'
import { itemToSearchDocument, type SearchDocument } from '../../core/search/document'
import type { Database } from './schema'
import { itemFromRow, parseHeader } from './rows'

export async function publishedSearchDocuments(db: Kysely<Database>): Promise<SearchDocument[]> {
  const issues = await db.selectFrom('issues').selectAll().where('status', '=', 'published').execute()
  const byId = new Map(issues.map((row) => [row.id, { row, sectionNames: parseHeader(row).sectionNames }]))
  const items = await db
    .selectFrom('items')
    .innerJoin('issues', 'issues.id', 'items.issue_id')
    .selectAll('items')
    .where('issues.status', '=', 'published')
    .orderBy('items.issue_id')
    .orderBy('items.position')
    .execute()
  const documents: SearchDocument[] = []
  for (const item of items) {
    const issue = byId.get(item.issue_id)
    if (!issue) continue // published after our first read; the next version picks it up
    documents.push(itemToSearchDocument(issue.row, issue.sectionNames[item.section_index] ?? '', itemFromRow(item)))
  }
  return documents
}
