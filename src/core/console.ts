/**
 * The editors' console's shapes (docs/console-api.md): what /api/console/* sends and takes, shared by
 * the server's routes and the console app. Built from the bulletin's types, never a second copy.
 */
import type { ImportWarning, IssueOverview, IssueStatus, StoredIssue } from './bulletin'

/** An editor prepares issues; a chief editor (签发) also publishes, unpublishes, deletes and corrects. */
export type EditorRole = 'editor' | 'chief'
export const EDITOR_ROLES: readonly EditorRole[] = ['editor', 'chief']

/** A console account as the console sees it (never its password hash). */
export interface ConsoleEditor {
  id: number
  name: string
  role: EditorRole
}

/** POST and GET /api/console/session */
export interface ConsoleSession {
  editor: ConsoleEditor
  /** Send back as `x-csrf-token` on every state-changing request. */
  csrfToken: string
}

/** POST /api/console/session */
export interface SignInRequest {
  name: string
  password: string
}

/** Every refusal of /api/console/*: a stable code and plain Chinese words. */
export interface ConsoleError {
  error: string
  message: string
  /** 429 too-many-attempts: how long to wait. */
  retryAfterSeconds?: number
  /** Details some refusals carry (the importer's problems, say). */
  details?: unknown
}

/** One row of the console's issue list. */
export interface ConsoleIssueRow extends IssueOverview {
  articleCount: number
  /** Who uploaded it or last changed it, and when (null for issues stored by the CLI or the admin API). */
  preparedBy: string | null
  preparedAt: string | null
  /** Who published it (null while a draft, or published by the CLI or the admin API). */
  publishedBy: string | null
}

export interface ConsoleIssueList {
  items: ConsoleIssueRow[]
}

/** GET /api/console/issues/:id */
export interface ConsoleIssue {
  issue: StoredIssue
  row: ConsoleIssueRow
}

/** A problem that stopped a file, with the line it is on (null when it is not about one line). */
export interface UploadProblem {
  code: string
  line: number | null
  message: string
}

/** One uploaded file's outcome, in the order the files came. */
export type UploadReport =
  | { fileName: string; ok: true; id: number; label: string; status: IssueStatus; replaced: boolean; warnings: ImportWarning[] }
  | { fileName: string; ok: false; errors: UploadProblem[] }

export interface UploadAnswer {
  reports: UploadReport[]
}

/** GET /api/console/issues/:id/publish-preview */
export interface PublishPreview {
  /** Members who will be sent the new-issue message (those holding a subscription credit). */
  recipients: number
  /** The message as members will read it. */
  message: { title: string; lines: string[] }
}

/** GET /api/console/issues/:id/deliveries: the fan-out's progress (queued counts those being sent). */
export interface DeliveryTally {
  total: number
  queued: number
  sent: number
  refused: number
  failed: number
}

/** POST /api/console/issues/:id/preview */
export interface PreviewLink {
  /** A path into the H5 reader: /issues/:id?preview=TOKEN */
  url: string
  expiresAt: string
}

/** POST /api/console/issues/:id/unpublish */
export interface UnpublishRequest {
  reason: string
}

export type AuditAction = 'sign-in' | 'sign-out' | 'upload' | 'upload-refused' | 'preview' | 'publish' | 'unpublish' | 'delete' | 'edit' | 'correct'

/** One line of the audit log: who did what, when, from which address. */
export interface AuditEntry {
  at: string
  /** The editor's name (null when the action was not by a signed-in editor). */
  editor: string | null
  action: AuditAction
  issueId: number | null
  /** The issue's label (as it was, for an issue since deleted). */
  label: string | null
  address: string
  detail: Record<string, unknown>
}

export interface AuditList {
  items: AuditEntry[]
}

/** The check-and-fix shapes (GET …/source, POST …/edits, POST …/correction) live in ./check. */
export type { DocumentReplacement, LineMark, RecordedEdit, SourceEdit, SourceLine, SourceView, StructureKind, StructureNode } from './check'
