/**
 * What the editors' console keeps: accounts, their sessions and the audit log, as the Storage
 * interface offers them (storage.editors, storage.audit; audit writes also inside an issue's
 * transaction, so a publish and its audit line commit together).
 */
import type { AuditAction, AuditEntry, ConsoleEditor, EditorRole } from '../../core/console'

export interface StoredEditor extends ConsoleEditor {
  passwordHash: string
  disabled: boolean
  createdAt: string
}

export interface NewSession {
  tokenHash: string
  editorId: number
  csrfToken: string
  expiresAt: number
}

/** A live session: unexpired, of an account that is not disabled. */
export interface LiveSession {
  editor: StoredEditor
  csrfToken: string
  expiresAt: number
}

export interface EditorStore {
  /** null when the name is taken. */
  create(name: string, role: EditorRole, passwordHash: string): Promise<StoredEditor | null>
  byName(name: string): Promise<StoredEditor | null>
  list(): Promise<StoredEditor[]>
  /** false when there is no such account. */
  setPassword(name: string, passwordHash: string): Promise<boolean>
  /** Disables the account and ends its sessions, in one transaction. false when there is none. */
  disable(name: string): Promise<boolean>

  createSession(session: NewSession, now?: number): Promise<void>
  liveSession(tokenHash: string, now?: number): Promise<LiveSession | null>
  deleteSession(tokenHash: string): Promise<void>
  /** Housekeeping: removes sessions past their expiry. */
  deleteExpiredSessions(now?: number): Promise<number>
}

export interface NewAuditEntry {
  editorId: number | null
  action: AuditAction
  issueId: number | null
  address: string
  detail?: Record<string, unknown>
  at?: number
}

export interface AuditWrites {
  record(entry: NewAuditEntry): Promise<void>
}

/** Who prepared an issue (uploaded it or last changed it) and who published it, from the log. */
export interface IssueStewards {
  preparedById: number | null
  preparedBy: string | null
  preparedAt: string | null
  publishedBy: string | null
  /** Who uploaded, edited or corrected the issue since it was last published (ever, if never): the two-person rule's "prepared by". */
  preparerIds: number[]
}

export interface AuditStore extends AuditWrites {
  /** Newest first; only one issue's with `issueId`. */
  list(opts?: { issueId?: number; limit?: number }): Promise<AuditEntry[]>
  /** Per issue id (all issues the log names, or only these). */
  stewards(issueIds?: number[]): Promise<Map<number, IssueStewards>>
}
