/**
 * Every item of every published issue as a SearchDocument: the issues in one query, their items in
 * chunks of issues, with a turn of the event loop between chunks. SQLite answers synchronously, so
 * one query for a 5,000-issue archive's 70,000 items would hold up every other request meanwhile.
 */
import type { Kysely } from 'kysely'
import { itemToSearchDocument, type SearchDocument } from '../../core/search/document'
import type { Database } from './schema'
import { itemFromRow, parseHeader } from './rows'

const ISSUES_PER_READ = 25

export async function publishedSearchDocuments(db: Kysely<Database>): Promise<SearchDocument[]> {
  const issues = await db.selectFrom('issues').selectAll().where('status', '=', 'published').orderBy('id').execute()
  const byId = new Map(issues.map((row) => [row.id, { row, sectionNames: parseHeader(row).sectionNames }]))
  const documents: SearchDocument[] = []
  for (let at = 0; at < issues.length; at += ISSUES_PER_READ) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve))
    const ids = issues.slice(at, at + ISSUES_PER_READ).map((row) => row.id)
    const items = await db
      .selectFrom('items')
      .innerJoin('issues', 'issues.id', 'items.issue_id')
      .selectAll('items')
      .where('issues.status', '=', 'published')
      .where('items.issue_id', 'in', ids)
      .orderBy('items.issue_id')
      .orderBy('items.position')
      .execute()
    for (const item of items) {
      const issue = byId.get(item.issue_id)
      if (!issue) continue // published after our first read; the next version picks it up
      documents.push(itemToSearchDocument(issue.row, issue.sectionNames[item.section_index] ?? '', itemFromRow(item)))
    }
  }
  return documents
}
