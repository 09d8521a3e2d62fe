/**
 * Stores importer results as drafts, one transaction per document, on the same storage the server
 * uses (DATABASE_URL or DATA_DIR/bulletin.db). Called by the import CLI (`npm run import -- FILE…`)
 * and by the server's first-start seeding. With `publish`, each stored issue is then published (with
 * the notification hooks when given, as the admin API would).
 */
import type { ImportWarning, IssueStatus } from '../../core/bulletin'
import type { ImportProblem, ImportResult } from '../../core/import'
import type { InTransaction, Storage } from '../storage/storage'
import { StorageError } from '../storage/storage'
import { loadConfig } from '../config'
import { openStorage } from '../storage/open'
import { createPublishingHooks } from '../publishing-hooks'
import { loadNotificationConfig } from '../notifications'

export interface DraftInput {
  fileName: string
  result: ImportResult
}

export interface StoreDraftsOptions {
  /** Publish each issue once stored. */
  publish?: boolean
  /** Replace an already published issue with the same year and number (like ?replace=true). */
  replace?: boolean
  /** Storage to use; default: opened (and closed again) from the environment like the server. */
  storage?: Storage
  /**
   * Run inside each publish transaction. Default when publishing on storage opened here: the
   * server's notification hooks (subscribers are notified as if an editor pressed publish).
   */
  onPublish?: InTransaction
}

export type StoredDraftReport =
  | {
    fileName: string; ok: true; id: number; label: string; status: IssueStatus; replaced: boolean; warnings: ImportWarning[]
    /** Published by this call (false when it was already published and `replace` kept it so). */
    publishedNow: boolean
  }
  | { fileName: string; ok: false; errors: ImportProblem[] | Array<{ code: string; line: null; message: string }> }

export async function storeDrafts(inputs: DraftInput[], opts: StoreDraftsOptions = {}): Promise<StoredDraftReport[]> {
  const own = opts.storage === undefined
  const storage = opts.storage ?? (await openStorage(loadConfig(process.env)))
  try {
    let onPublish = opts.onPublish
    if (opts.publish && own && onPublish === undefined) {
      onPublish = createPublishingHooks(loadNotificationConfig(process.env)).onPublish
    }
    const reports: StoredDraftReport[] = []
    for (const { fileName, result } of inputs) {
      if (!result.ok) {
        reports.push({ fileName, ok: false, errors: result.errors })
        continue
      }
      try {
        const saved = await storage.saveDraft(result.issue, { replacePublished: opts.replace ?? false })
        let status = saved.issue.status
        let publishedNow = false
        if (opts.publish && status !== 'published') {
          status = (await storage.publishIssue(saved.issue.id, { inTransaction: onPublish }))!.issue.status
          publishedNow = true
        }
        reports.push({ fileName, ok: true, id: saved.issue.id, label: saved.issue.label, status, replaced: saved.replaced, warnings: saved.issue.warnings, publishedNow })
      } catch (error) {
        if (!(error instanceof StorageError)) throw error
        reports.push({ fileName, ok: false, errors: [{ code: error.code, line: null, message: error.message }] })
      }
    }
    return reports
  } finally {
    if (own) await storage.close()
  }
}
