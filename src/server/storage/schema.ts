/**
 * The tables as Kysely sees them, after every migration in ./migrations. Queries typed against this
 * interface get their row types from it; rows.ts turns rows into the bulletin's types.
 *
 * Numbers that PostgreSQL keeps in `bigint` columns (times, the notification tables' ids) come back
 * from pg as strings, from SQLite as numbers: their select type says so, and readers use Number().
 */
import type { ColumnType, Generated } from 'kysely'
import type { IssueStatus } from '../../core/bulletin'
import type { SubscribeResult } from '../../core/bulletin'
import type { EditorRole } from '../../core/console'

/** Epoch milliseconds (one representation of time on both databases: see migration 003). */
export type Millis = ColumnType<number | string, number, number>
export type NullableMillis = ColumnType<number | string | null, number | null, number | null>
/** A bigint id the database assigns. */
export type BigId = ColumnType<number | string, never, never>

export interface IssuesTable {
  id: Generated<number>
  year: number
  number: number
  label: string
  /** The issue's own date, YYYY-MM-DD (what readers see and lists sort by). */
  date: string
  status: IssueStatus
  published_at: NullableMillis
  imported_at: Millis
  /** masthead, publisher, permit, distribution, editor, warnings and the section names, as JSON. */
  header: string
}

export interface ItemsTable {
  id: Generated<number>
  issue_id: number
  section_index: number
  position: number
  kind: 'article' | 'brief'
  title: string | null
  /** Article: JSON array of paragraphs. Brief: its text. */
  body: string
  source_organization: string | null
  source_author: string | null
  /** The role word before the author (通讯员, 记者…), when the source printed one (migration 004). */
  source_role: string | null
  /** Article: JSON array of its blocks, when it holds more than plain paragraphs; otherwise NULL. */
  blocks: string | null
}

/** A picture, content-addressed: id is the sha256 (hex) of its bytes (migration 004). */
export interface MediaTable {
  id: string
  content_type: string
  /** SQLite blob / PostgreSQL bytea: a Buffer both ways. */
  bytes: Buffer
  width: number | null
  height: number | null
  created_at: Millis
}

/** Which issue uses which picture; a picture no issue uses is deleted. */
export interface IssueMediaTable {
  issue_id: number
  media_id: string
}

/** The stream the importer read for an issue (migration 006), as JSON: what the console checks and fixes. */
export interface IssueSourcesTable {
  issue_id: number
  stream: string
  updated_at: Millis
}

/** An edit of an issue's source: who, when, what (a SourceEdit or a whole replacement, JSON), and the correction note. */
export interface IssueEditsTable {
  id: Generated<number>
  issue_id: number
  at: Millis
  editor: string
  edit: string
  note: string | null
}

/** A correction of a published article, shown to readers under it. */
export interface ItemCorrectionsTable {
  id: Generated<number>
  item_id: number
  at: Millis
  note: string
}

export interface MembersTable {
  id: Generated<number>
  openid: string | null
  device_id: string | null
  created_at: Millis
}

export interface FavouritesTable {
  member_id: number
  item_id: number
  added_at: Millis
}

export interface CountersTable {
  name: string
  value: number
}

export interface NotifyCreditsTable {
  member_id: number
  template_id: string
  credits: Generated<number>
  updated_at: Millis
}

export interface NotifySubscribeEventsTable {
  id: BigId
  member_id: number
  template_id: string
  result: SubscribeResult
  created_at: Millis
}

/** One row per issue and template: the message body every delivery of that issue sends. */
export interface NotifyIssueMessagesTable {
  issue_id: number
  template_id: string
  page: string
  data_json: string
  created_at: Millis
}

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'refused' | 'failed' | 'cancelled'

export interface NotifyDeliveriesTable {
  id: BigId
  issue_id: number
  member_id: number
  openid: string
  template_id: string
  status: DeliveryStatus
  attempts: Generated<number>
  next_attempt_at: Millis
  last_errcode: number | null
  last_error: string | null
  msgid: string | null
  claimed_by: string | null
  lease_until: NullableMillis
  /** Times a claim expired with its send's outcome unknown (see notifications/worker.ts on exactly-once). */
  in_doubt: Generated<number>
  /** Which bulk operation (enqueue or cancel) last touched the row: lets the credit update match it. */
  batch_id: string | null
  created_at: Millis
  updated_at: Millis
  sent_at: NullableMillis
}

/** The WeChat access token, shared by every process on this database. */
export interface NotifyAccessTokensTable {
  cache_key: string
  token: string
  expires_at: Millis
  updated_at: Millis
}

/** A console account (migration 005). `disabled` is 0 or 1 on both databases. */
export interface EditorsTable {
  id: Generated<number>
  name: string
  role: EditorRole
  /** scrypt$N$r$p$salt$hash (auth/passwords.ts): the parameters travel with the hash. */
  password_hash: string
  disabled: Generated<number>
  created_at: Millis
  updated_at: Millis
}

/** A signed-in console session; the token itself is never stored, only its sha256 (hex). */
export interface ConsoleSessionsTable {
  token_hash: string
  editor_id: number
  /** The synchroniser token state-changing requests must carry in x-csrf-token. */
  csrf_token: string
  created_at: Millis
  expires_at: Millis
}

/** Who did what, when, from where. `detail` is JSON; issue_id outlives a deleted issue. */
export interface AuditLogTable {
  id: BigId
  at: Millis
  editor_id: number | null
  action: string
  issue_id: number | null
  address: string
  detail: string
}

export interface Database {
  issues: IssuesTable
  items: ItemsTable
  media: MediaTable
  issue_media: IssueMediaTable
  issue_sources: IssueSourcesTable
  issue_edits: IssueEditsTable
  item_corrections: ItemCorrectionsTable
  members: MembersTable
  favourites: FavouritesTable
  counters: CountersTable
  notify_credits: NotifyCreditsTable
  notify_subscribe_events: NotifySubscribeEventsTable
  notify_issue_messages: NotifyIssueMessagesTable
  notify_deliveries: NotifyDeliveriesTable
  notify_access_tokens: NotifyAccessTokensTable
  editors: EditorsTable
  console_sessions: ConsoleSessionsTable
  audit_log: AuditLogTable
}
