/**
 * The audit log (migration 005): one row per console action. Who prepared and who published an
 * issue is read from it: the newest upload, edit or correction since the issue's id was last
 * deleted (SQLite may give a new issue a deleted one's id), and the newest publish when no
 * unpublish came after it. Everyone who prepared it since its last publish is kept too (the
 * two-person rule: an editor's trivial edit does not make the uploader's content someone else's).
 */
import type { Kysely } from 'kysely'
import type { AuditAction, AuditEntry } from '../../core/console'
import type { Database } from './schema'
import type { AuditStore, AuditWrites, IssueStewards } from './console-types'
import { isoOf, now } from './rows'

const PREPARING: ReadonlySet<string> = new Set(['upload', 'edit', 'correct'])
const STEWARD_ACTIONS = ['upload', 'edit', 'correct', 'publish', 'unpublish', 'delete']
const DEFAULT_LIMIT = 500

export function auditWrites(db: Kysely<Database>): AuditWrites {
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at ?? now(),
          editor_id: entry.editorId,
          action: entry.action,
          issue_id: entry.issueId,
          address: entry.address,
          detail: JSON.stringify(entry.detail ?? {}),
        })
        .execute()
    },
  }
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function createAuditStore(db: Kysely<Database>): AuditStore {
  return {
    ...auditWrites(db),
    async list(opts = {}) {
      let query = db
        .selectFrom('audit_log')
        .leftJoin('editors', 'editors.id', 'audit_log.editor_id')
        .leftJoin('issues', 'issues.id', 'audit_log.issue_id')
        .select(['audit_log.at', 'audit_log.action', 'audit_log.issue_id', 'audit_log.address', 'audit_log.detail', 'editors.name as editor', 'issues.label as label'])
      if (opts.issueId !== undefined) query = query.where('audit_log.issue_id', '=', opts.issueId)
      const rows = await query
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(opts.limit ?? DEFAULT_LIMIT)
        .execute()
      return rows.map((row): AuditEntry => {
        const detail = parseDetail(row.detail)
        const label = row.label ?? (typeof detail.label === 'string' ? detail.label : null)
        return { at: isoOf(row.at), editor: row.editor, action: row.action as AuditAction, issueId: row.issue_id, label, address: row.address, detail }
      })
    },
    async stewards(issueIds) {
      let query = db
        .selectFrom('audit_log')
        .leftJoin('editors', 'editors.id', 'audit_log.editor_id')
        .select(['audit_log.issue_id', 'audit_log.action', 'audit_log.at', 'audit_log.editor_id', 'editors.name'])
        .where('audit_log.issue_id', 'is not', null)
        .where('audit_log.action', 'in', STEWARD_ACTIONS)
      if (issueIds) {
        if (issueIds.length === 0) return new Map()
        query = query.where('audit_log.issue_id', 'in', issueIds)
      }
      const rows = await query.orderBy('audit_log.at').orderBy('audit_log.id').execute()
      const byIssue = new Map<number, IssueStewards>()
      for (const row of rows) {
        const id = row.issue_id!
        const current = byIssue.get(id) ?? { preparedById: null, preparedBy: null, preparedAt: null, publishedBy: null, preparerIds: [] }
        if (row.action === 'delete') byIssue.delete(id)
        else if (PREPARING.has(row.action)) {
          const preparerIds = row.editor_id === null || current.preparerIds.includes(row.editor_id) ? current.preparerIds : [...current.preparerIds, row.editor_id]
          byIssue.set(id, { ...current, preparedById: row.editor_id, preparedBy: row.name, preparedAt: isoOf(row.at), preparerIds })
        } else if (row.action === 'publish') byIssue.set(id, { ...current, publishedBy: row.name, preparerIds: [] })
        else byIssue.set(id, { ...current, publishedBy: null })
      }
      return byIssue
    },
  }
}
