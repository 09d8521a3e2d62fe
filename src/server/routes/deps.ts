/** What the core route plugins are given (createApp builds it). */
import type { Storage, InTransaction } from '../storage/storage'
import type { WechatApi } from '../wechat/api'
import type { ImportResult } from '../../core/import'
import type { StoredIssue } from '../../core/bulletin'
import type { PublicReads } from '../services/public-reads'
import type { SearchService } from '../services/search'

export interface RouteDeps {
  storage: Storage
  wechat: WechatApi
  reads: PublicReads
  search: SearchService
  importDocument: (bytes: Uint8Array, fileName: string) => Promise<ImportResult>
  /** Called after this process changed published content, so its caches see it at once. */
  afterPublishedChange: () => void
  hooks: { onPublish?: InTransaction; onUnpublish?: InTransaction; onPublished?: (issue: StoredIssue) => void }
  adminToken: string | null
  sessionSecret: string
  newIssueTemplateId: string | null
  rateLimits: { searchPerMinute: number; authPerMinute: number }
}
