/**
 * The one storage interface the server speaks to: issues, members, favourites and the notification
 * tables, behind methods (no query handle leaks out). Two implementations (SQLite and PostgreSQL)
 * share the same Kysely queries (./kysely-storage.ts), so they behave alike; only opening differs.
 */
import type { ArticleInIssue, Favourite, Issue, IssueOverview, StoredIssue } from '../../core/bulletin'
import type { SearchDocument } from '../../core/search/document'
import type { RecordedEdit } from '../../core/check'
import type { Stream } from '../../core/import'
import type { IssueChange } from './issue-writes'
import type { NotificationStore, NotificationWrites } from './notifications/types'
import type { AuditStore, AuditWrites, EditorStore } from './console-types'

export type Dialect = 'sqlite' | 'postgres'

export { StorageError, type StorageErrorCode, type IssueFacts } from './errors'
export type { IssueChange } from './issue-writes'

/** What a publish/unpublish/delete callback may write: inside the transaction, so it commits or rolls back with it. */
export interface StorageTransaction {
  readonly notifications: NotificationWrites
  /** The console's audit line of this change, committed with it. */
  readonly audit: AuditWrites
}

/** Runs inside a publish/unpublish/delete transaction: whatever it writes commits or rolls back with it. */
export type InTransaction = (tx: StorageTransaction, issue: StoredIssue) => Promise<void>

export interface StatusChangeOptions {
  inTransaction?: InTransaction
}

/** Where the newest-first issue list continues: after the issue with this date and id. */
export interface IssueCursor {
  date: string
  id: number
}

/** A picture stored with the issues that use it: id is the sha256 (hex) of `bytes`. */
export interface StoredMedia {
  id: string
  contentType: string
  bytes: Uint8Array
  width: number | null
  height: number | null
}

export interface Member {
  id: number
  openid: string | null
  deviceId: string | null
  createdAt: string
}

export interface Storage {
  /** Which database this is, as it was opened (for logs and the health check). */
  readonly dialect: Dialect
  /** Credits, deliveries and the shared WeChat token of the new-issue notifications. */
  readonly notifications: NotificationStore
  /** The editors' console accounts and their sessions. */
  readonly editors: EditorStore
  /** Who did what in the console; also who prepared and who published each issue. */
  readonly audit: AuditStore
  /** Brings the whole schema up to date (one Kysely Migrator; on PostgreSQL it holds an advisory lock). */
  migrate(): Promise<void>
  close(): Promise<void>

  /**
   * Stores an imported issue as a draft. An existing issue with the same year and number is replaced
   * (its id kept) if it is a draft; a published one only with `replacePublished`, and then it stays
   * published with the new content. Otherwise throws StorageError('published-conflict') naming it.
   * `media` are the pictures the issue's image blocks name, stored (if absent) in the same
   * transaction; pictures no issue uses any more are deleted.
   */
  saveDraft(issue: Issue, opts?: { replacePublished?: boolean; media?: StoredMedia[]; source?: Stream | null }): Promise<{ issue: StoredIssue; replaced: boolean }>
  /**
   * Puts new content in place of issue `id` (whatever its year and number were): a fixed draft, or a
   * corrected published issue, which stays published. Items keep their ids by content (see
   * item-matching.ts); with `correction`, every kept article whose text changed gains it. The edit
   * is recorded; `source` (when given) replaces the kept stream. All in one transaction. null when
   * there is no such issue; StorageError('number-taken') when another issue has the new number;
   * StorageError('edit-conflict'), nothing written, when `change.expect` no longer holds.
   */
  replaceIssue(id: number, issue: Issue, change: IssueChange): Promise<{ issue: StoredIssue; corrected: number[] } | null>
  /** The stream the issue was read from, and the edits made to it (oldest first); null when none was kept. */
  getSource(id: number): Promise<{ stream: Stream; edits: RecordedEdit[] } | null>
  /** A picture some published issue uses (any issue with `includeDrafts`); null otherwise. */
  getMedia(id: string, opts?: { includeDrafts?: boolean }): Promise<StoredMedia | null>
  /** Published issues only unless `includeDrafts`. */
  getIssue(id: number, opts?: { includeDrafts?: boolean }): Promise<StoredIssue | null>
  listPublished(limit: number, after?: IssueCursor): Promise<{ items: IssueOverview[]; next: IssueCursor | null }>
  listAll(): Promise<IssueOverview[]>
  countIssues(): Promise<number>
  /** An article of a published issue (of any issue with `includeDrafts`) with its neighbours in reading order. */
  getArticle(id: number, opts?: { includeDrafts?: boolean }): Promise<ArticleInIssue | null>
  /** null when there is no such issue; `changed` false when it already had that status (callback not run). */
  publishIssue(id: number, opts?: StatusChangeOptions): Promise<{ issue: StoredIssue; changed: boolean } | null>
  unpublishIssue(id: number, opts?: StatusChangeOptions): Promise<{ issue: StoredIssue; changed: boolean } | null>
  /** The callback runs before the delete (with the issue as it was). false when there was none. */
  deleteIssue(id: number, opts?: StatusChangeOptions): Promise<boolean>

  /** Increases whenever what the public can read changes (publish, unpublish, replace, delete). */
  publishedVersion(): Promise<number>
  /** Every item of every published issue, for the search index. */
  publishedSearchDocuments(): Promise<SearchDocument[]>

  memberByOpenid(openid: string): Promise<Member>
  memberByDevice(deviceId: string): Promise<Member>
  getMember(id: number): Promise<Member | null>

  listFavourites(memberId: number): Promise<Favourite[]>
  /** null when the article does not exist or is not published. Idempotent. */
  addFavourite(memberId: number, articleId: number): Promise<Favourite | null>
  removeFavourite(memberId: number, articleId: number): Promise<void>
}
