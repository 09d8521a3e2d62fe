/**
 * The editorial workflow, in one place: read a document (dry run), store it as a draft (replacing a
 * draft, or a published issue when asked), publish, unpublish, delete. Publishing writes the
 * notification outbox in the publish transaction; every change that the public can see invalidates
 * this process's caches and, after a publish commits, wakes the notification worker. Routes, the CLI
 * and first-start seeding call this service; nothing else writes issues.
 */
import type { ImportWarning, Issue, IssueStatus, StoredIssue } from '../../core/bulletin'
import type { ImportProblem } from '../../core/import'
import type { DocumentImport, ImportedMedia } from '../import/media'
import type { Stream } from '../../core/import'
import type { InTransaction, IssueChange, Storage } from '../storage/storage'
import { StorageError } from '../storage/storage'
import type { NotificationConfig } from '../config'
import { cancelIssueDeliveries, enqueueNewIssue } from '../notifications'

/** A document → the importer's result, with the pictures of a .docx (see import/media.ts). */
export type ReadDocument = (bytes: Uint8Array, fileName: string) => Promise<DocumentImport>

/** A document's outcome when stored: the draft (or replaced issue), or why it was refused. */
export type StoreReport =
  | {
      fileName: string
      ok: true
      id: number
      label: string
      status: IssueStatus
      replaced: boolean
      warnings: ImportWarning[]
      /** Published by this call (false when it was already published and a replace kept it so). */
      publishedNow: boolean
      issue: StoredIssue
    }
  | { fileName: string; ok: false; errors: StoreProblem[] }

/** What stopped a document: an importer problem (with its line) or a conflict with a stored issue. */
export type StoreProblem = ImportProblem | { code: 'published-conflict'; line: null; message: string; issue: { year: number; number: number; label: string } }

export interface PublishingService {
  /** The importer only: what the document would become (nothing stored). */
  readDocument: ReadDocument
  /**
   * Stores an imported issue as a draft (see Storage.saveDraft for replacing), with the pictures its
   * image blocks name, in the same transaction.
   */
  storeDraft(issue: Issue, opts?: { replace?: boolean; media?: ImportedMedia[]; source?: Stream }): Promise<{ issue: StoredIssue; replaced: boolean }>
  /**
   * New content in place of issue `id` (a fixed draft, or a corrected published issue that stays
   * published): see Storage.replaceIssue. The public sees the change at once when it is published.
   */
  replaceIssue(id: number, issue: Issue, change: IssueChange): Promise<{ issue: StoredIssue; corrected: number[] } | null>
  /**
   * Reads and stores each document (with its pictures); with `publish`, publishes each stored draft
   * (announcing it unless `announce` is false).
   */
  storeDocuments(inputs: Array<{ fileName: string; result: DocumentImport }>, opts?: { replace?: boolean; publish?: boolean; announce?: boolean }): Promise<StoreReport[]>
  /**
   * null when there is no such issue; `changed` false when it was already published. `inTransaction`
   * (here and below) runs inside the change's transaction, after the service's own work: the
   * console's audit line commits with the change.
   */
  publish(id: number, opts?: { announce?: boolean; inTransaction?: InTransaction }): Promise<{ issue: StoredIssue; changed: boolean } | null>
  unpublish(id: number, opts?: { inTransaction?: InTransaction }): Promise<{ issue: StoredIssue; changed: boolean } | null>
  /** false when there was no such issue. Unsent notifications of a published issue are cancelled. */
  delete(id: number, opts?: { inTransaction?: InTransaction }): Promise<boolean>
}

export interface PublishingDeps {
  storage: Storage
  readDocument: ReadDocument
  /** Which messages publishing enqueues (templateId null: none). */
  notify: Pick<NotificationConfig, 'templateId' | 'fields'>
  /** After a change the public can see (publish, unpublish, replace of a published issue, delete). */
  onPublicChange?: () => void
  /** After a publish committed: wake the worker, which would otherwise find the work at its next poll. */
  onPublished?: (issue: StoredIssue) => void
}

export function createPublishingService(deps: PublishingDeps): PublishingService {
  const { storage, notify } = deps
  const publicChange = () => deps.onPublicChange?.()

  async function storeDraft(issue: Issue, opts: { replace?: boolean; media?: ImportedMedia[]; source?: Stream } = {}) {
    const saved = await storage.saveDraft(issue, { replacePublished: opts.replace ?? false, media: opts.media, source: opts.source })
    if (saved.issue.status === 'published') publicChange()
    return saved
  }

  async function publish(id: number, opts: { announce?: boolean; inTransaction?: InTransaction } = {}) {
    const announce = opts.announce ?? true
    const result = await storage.publishIssue(id, {
      inTransaction: async (tx, issue) => {
        if (announce) await enqueueNewIssue(tx.notifications, issue, notify)
        await opts.inTransaction?.(tx, issue)
      },
    })
    if (result?.changed) {
      publicChange()
      if (announce) deps.onPublished?.(result.issue)
    }
    return result
  }

  return {
    readDocument: deps.readDocument,
    storeDraft,
    publish,
    async replaceIssue(id, issue, change) {
      const replaced = await storage.replaceIssue(id, issue, change)
      if (replaced?.issue.status === 'published') publicChange()
      return replaced
    },
    async storeDocuments(inputs, opts = {}) {
      const reports: StoreReport[] = []
      for (const { fileName, result } of inputs) {
        if (!result.ok) {
          reports.push({ fileName, ok: false, errors: result.errors })
          continue
        }
        try {
          const saved = await storeDraft(result.issue, { replace: opts.replace, media: result.media, source: result.source })
          let issue = saved.issue
          let publishedNow = false
          if (opts.publish && issue.status !== 'published') {
            issue = (await publish(issue.id, { announce: opts.announce }))!.issue
            publishedNow = true
          }
          reports.push({ fileName, ok: true, id: issue.id, label: issue.label, status: issue.status, replaced: saved.replaced, warnings: issue.warnings, publishedNow, issue })
        } catch (error) {
          if (!(error instanceof StorageError) || error.code !== 'published-conflict') throw error
          const { year, number, label } = result.issue
          reports.push({ fileName, ok: false, errors: [{ code: 'published-conflict', line: null, message: error.message, issue: { year, number, label } }] })
        }
      }
      return reports
    },
    async unpublish(id, opts = {}) {
      const result = await storage.unpublishIssue(id, {
        inTransaction: async (tx, issue) => {
          await cancelIssueDeliveries(tx.notifications, issue.id)
          await opts.inTransaction?.(tx, issue)
        },
      })
      if (result?.changed) publicChange()
      return result
    },
    async delete(id, opts = {}) {
      const deleted = await storage.deleteIssue(id, {
        inTransaction: async (tx, issue) => {
          if (issue.status === 'published') await cancelIssueDeliveries(tx.notifications, issue.id)
          await opts.inTransaction?.(tx, issue)
        },
      })
      if (deleted) publicChange()
      return deleted
    },
  }
}
