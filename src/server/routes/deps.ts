/** What the route plugins are given (createApp builds it from the composition root's parts). */
import type { Storage } from '../storage/storage'
import type { WechatApi } from '../wechat/api'
import type { PublicReads } from '../services/public-reads'
import type { SearchService } from '../services/search'
import type { PublishingService } from '../services/publishing'
import type { EditingService } from '../services/editing'
import type { CardService } from '../services/cards/index'
import type { AdminGuard } from '../auth/admin-auth'
import type { ConsoleAuth } from '../auth/console-auth'
import type { AuditService } from '../services/audit'
import type { ConsoleIssues } from '../services/console-issues'

export interface RouteDeps {
  /** Reads (lists, members, favourites); every write of an issue goes through `publishing`. */
  storage: Storage
  publishing: PublishingService
  editing: EditingService
  reads: PublicReads
  search: SearchService
  cards: CardService
  wechat: WechatApi
  adminToken: string | null
  /** The one editors' check (and its count of wrong tokens), shared by every admin route. */
  adminGuard: AdminGuard
  sessionSecret: string
  newIssueTemplateId: string | null
  rateLimits: { searchPerMinute: number; authPerMinute: number }
  /** The editors' console: sessions, its issue work and the audit log. */
  consoleAuth: ConsoleAuth
  consoleIssues: ConsoleIssues
  audit: AuditService
}
