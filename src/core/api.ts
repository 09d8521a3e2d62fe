/**
 * The shapes the HTTP API sends, shared by the server's routes and the client's API service.
 * They are built from the bulletin's types (./bulletin), never a second copy of them.
 */
import type { ArticleInIssue, Favourite, IssueOverview, SectionContents, StoredIssue, Source, SubscribeResult } from './bulletin'

/** A section in an issue's contents: its name and the titles of its articles (briefs have none). */
export type ContentsSection = SectionContents

/**
 * The width the reader fetches an article's pictures at (a phone's column at 2× pixels), and the one
 * a tapped picture is enlarged at. Here so the reader and 保存本期 (which keeps the former) agree.
 */
export const PICTURE_WIDTH = 750
export const PREVIEW_WIDTH = 1500

/** A wide table scrolls sideways: its name for a screen reader, the same in the app and the server's page. */
export const TABLE_REGION_LABEL = '表格，可左右滑动'

/** One row of the issue list (GET /api/issues): the overview without what only editors see. */
export type IssueSummary = Omit<IssueOverview, 'status' | 'importedAt' | 'warningCount'>

/** A row of the editors' list (GET /api/admin/issues). */
export type AdminIssueSummary = IssueOverview

export interface Page<T> {
  items: T[]
  /** Opaque; pass back as ?cursor= for the next page. null when there is no more. */
  nextCursor: string | null
}

export type IssueList = Page<IssueSummary>

/** GET /api/issues/:id */
export type IssueDetail = StoredIssue

/** GET /api/articles/:id: one article with where it stands in its issue. */
export type ArticleDetail = ArticleInIssue

/** [start, end) offsets into the text they belong to, in UTF-16 code units. */
export type Range = [number, number]

/** GET /api/search */
export interface SearchHit {
  itemId: number
  kind: 'article' | 'brief'
  issueId: number
  issueLabel: string
  date: string
  section: string
  /** The article's title, or the brief's opening words. */
  title: string
  titleRanges: Range[]
  snippet: string
  snippetRanges: Range[]
  source: Source | null
}

export type SearchResults = Page<SearchHit> & { total: number }

/** What a search can be narrowed to (GET /api/search/filters): every year and section of the published archive. */
export interface SearchFilters {
  /** Newest first. */
  years: number[]
  /** Each section once (as sectionKey tells them apart), in the order the newest issues have them. */
  sections: string[]
}

/** Every API error: { error: { code, message, details? } } with a 4xx (or 5xx) status. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export interface SessionResponse {
  token: string
  memberId: number
  expiresAt: string
}

export type FavouriteEntry = Favourite

export type { SubscribeResult }

export interface SubscriptionStatus {
  templateId: string | null
  credits: number
}

/** GET /api/config: what the client needs to know of the server's configuration. */
export interface ClientConfig {
  newIssueTemplateId: string | null
}

/** GET /api/me/favourites: newest first. */
export interface FavouriteList {
  items: FavouriteEntry[]
}

/** POST /api/admin/issues (201): the stored draft, `id` at the top level, with the importer's warnings. */
export type AdminImportResponse = StoredIssue & {
  /** true when an issue with the same year and number was replaced. */
  replaced: boolean
}
