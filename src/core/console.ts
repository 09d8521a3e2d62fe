/**
 * The shapes the editors' console and its routes (/api/console/*) exchange, as docs/console-api.md
 * describes them. Built from the bulletin's types (./bulletin), never a second copy of them.
 */
import type { ImportWarning, IssueOverview, StoredIssue } from './bulletin'

export type EditorRole = 'editor' | 'chief'

/** A signed-in editor. */
export interface ConsoleEditor {
  id: number
  name: string
  role: EditorRole
}

/** POST and GET /api/console/session. */
export interface ConsoleSession {
  editor: ConsoleEditor
  csrfToken: string
}

/** Every refusal of the console's routes: `{ error, message }` with a 4xx status. */
export interface ConsoleErrorBody {
  error: string
  message: string
  /** 429 too-many-attempts: when the next sign-in may be tried. */
  retryAfterSeconds?: number
  /** 422 from an edit or an upload: the importer's problem and its line. */
  line?: number
}

/** A row of the console's issue list: the overview, with who prepared and who published it. */
export interface ConsoleIssueRow extends IssueOverview {
  articleCount: number
  preparedBy: string | null
  preparedAt: string | null
  publishedBy: string | null
}

/** One problem that kept a file from importing, with the line it is on (null: the whole file). */
export interface UploadError {
  code: string
  line: number | null
  message: string
}

/** What became of one uploaded file (POST /api/console/issues), in the order they were sent. */
export type UploadReport =
  | { fileName: string; ok: true; id: number; label: string; status: StoredIssue['status']; replaced: boolean; warnings: ImportWarning[] }
  | { fileName: string; ok: false; errors: UploadError[] }

export interface UploadResponse {
  reports: UploadReport[]
}

/** GET /api/console/issues/:id */
export interface ConsoleIssueDetail {
  issue: StoredIssue
  row: ConsoleIssueRow
}

/** GET /api/console/issues/:id/publish-preview: who will be told, and in which words. */
export interface PublishPreview {
  recipients: number
  message: { title: string; lines: string[] }
}

/** GET /api/console/issues/:id/deliveries: the notification fan-out, by state. */
export interface DeliveryProgress {
  total: number
  queued: number
  sent: number
  refused: number
  failed: number
}

/** POST /api/console/issues/:id/preview: a path into the H5 reader that shows the draft. */
export interface PreviewLink {
  url: string
  expiresAt: string
}

export interface AuditEntry {
  at: string
  editor: string | null
  action: string
  issueId: number | null
  label: string | null
  address: string | null
  detail: string | null
}

/** GET /api/console/audit[?issueId=N], newest first. */
export interface AuditLog {
  items: AuditEntry[]
}

/** One line of the document as the editor wrote it; a table's rows joined by newlines, cells by " | ". */
export interface SourceLine {
  line: number
  kind: 'line' | 'table' | 'picture'
  text: string
}

export type StructureKind = 'facts' | 'section' | 'article' | 'subheading' | 'brief' | 'source' | 'table' | 'picture'

/** What the importer read, in document order, each with the line it came from. */
export interface StructureNode {
  kind: StructureKind
  line: number
  text: string
  itemId?: number
}

export type LineMark = 'title' | 'section' | 'subheading' | 'brief' | 'source' | 'paragraph'

/** A change an editor makes to a draft's document, without Word. */
export type SourceEdit =
  | { op: 'facts'; label?: string; number?: number; date?: string }
  | { op: 'mark'; line: number; as: LineMark }
  | { op: 'merge'; line: number }
  | { op: 'split'; line: number; at: number }
  | { op: 'text'; line: number; text: string }

/** An edit as the log keeps it: what, who, when. */
export type RecordedEdit = SourceEdit & { at: string; editor: string | null }

/** GET /api/console/issues/:id/source */
export interface IssueSource {
  lines: SourceLine[]
  structure: StructureNode[]
  warnings: ImportWarning[]
  edits: RecordedEdit[]
}

/** POST /api/console/issues/:id/edits */
export interface EditResult {
  issue: StoredIssue
  source: IssueSource
}

/** POST /api/console/issues/:id/correction */
export interface CorrectionResult {
  issue: StoredIssue
  corrected: number[]
}
