/**
 * The console's audit log as the application writes it: every action by a signed-in editor, with
 * the address it came from, and (for publish, unpublish and delete) inside the change's own
 * transaction, so the change and its line commit or roll back together.
 */
import type { AuditAction, AuditEntry, ConsoleEditor } from '../../core/console'
import type { InTransaction, Storage } from '../storage/storage'
import type { IssueStewards } from '../storage/console-types'

/** Who acts: the signed-in editor and the client address (request.ip, which honours TRUST_PROXY). */
export interface Actor {
  editor: ConsoleEditor
  address: string
}

export interface AuditService {
  record(actor: Actor, action: AuditAction, issue: { id: number; label: string } | null, detail?: Record<string, unknown>): Promise<void>
  /** The same line, written inside an issue's transaction (publish, unpublish, delete). */
  within(actor: Actor, action: AuditAction, detail?: Record<string, unknown>): InTransaction
  list(issueId?: number): Promise<AuditEntry[]>
  stewards(issueIds?: number[]): Promise<Map<number, IssueStewards>>
}

export function createAuditService(storage: Storage): AuditService {
  return {
    record: (actor, action, issue, detail = {}) =>
      storage.audit.record({
        editorId: actor.editor.id,
        action,
        issueId: issue?.id ?? null,
        address: actor.address,
        detail: issue ? { label: issue.label, ...detail } : detail,
      }),
    within:
      (actor, action, detail = {}) =>
      async (tx, issue) =>
        tx.audit.record({ editorId: actor.editor.id, action, issueId: issue.id, address: actor.address, detail: { label: issue.label, ...detail } }),
    list: (issueId) => storage.audit.list(issueId === undefined ? {} : { issueId }),
    stewards: (issueIds) => storage.audit.stewards(issueIds),
  }
}
