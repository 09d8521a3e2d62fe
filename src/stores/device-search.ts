/**
 * Search with no network: through the issues and articles on the phone (saved with 保存本期, or
 * opened before and still in the cache), with the server's own normalising, matching and ranking
 * rules (src/core/search, scanned without the server's index: a phone holds a few issues), so
 * 「畢節」 finds 毕节 here as it does there. Only what is on the phone is searched; the page says so.
 */
import type { ArticleDetail, IssueDetail, SearchHit } from '../core/api'
import { issueToSearchDocuments, itemToSearchDocument, type SearchDocument } from '../core/search/document'
import { scannable, scanSearch, type ScannableDocument } from '../core/search/scan'
import type { ContentCache } from '../services/content-cache'

export interface DeviceSearchQuery {
  q: string
  year?: number | null
  section?: string | null
}

export interface DeviceResults {
  hits: SearchHit[]
  total: number
  /** How many issues and lone articles were searched: none means nothing is on the phone yet. */
  searched: number
}

/** More than anyone scrolls through; the phone's content is small, so one page is all of it. */
const LIMIT = 100

/** The search documents of everything on the phone: each cached issue, then articles not in one. */
export function documentsOnDevice(cache: ContentCache): { documents: SearchDocument[]; sources: number } {
  const documents: SearchDocument[] = []
  const seen = new Set<number>()
  let sources = 0
  const keys = cache.keys()
  for (const key of keys) {
    if (!key.startsWith('issue:')) continue
    const issue = cache.peek<IssueDetail>(key)
    if (!issue?.sections) continue
    sources++
    for (const doc of issueToSearchDocuments(issue)) {
      seen.add(doc.itemId)
      documents.push(doc)
    }
  }
  for (const key of keys) {
    if (!key.startsWith('article:')) continue
    const detail = cache.peek<ArticleDetail>(key)
    if (!detail?.article || seen.has(detail.article.id)) continue
    sources++
    seen.add(detail.article.id)
    const { issue } = detail
    documents.push(itemToSearchDocument({ id: issue.id, label: issue.label, date: issue.date, year: Number(issue.date.slice(0, 4)) }, detail.section, detail.article))
  }
  return { documents, sources }
}

export function createDeviceSearch(cache: ContentCache) {
  // Normalised again only when what is on the phone changed (a search per keystroke reuses it).
  let built: { signature: string; documents: ScannableDocument[]; sources: number } | null = null
  return function search({ q, year, section }: DeviceSearchQuery): DeviceResults {
    const signature = `${cache.keys().join(',')}|${cache.totalBytes()}`
    if (!built || built.signature !== signature) {
      const { documents, sources } = documentsOnDevice(cache)
      built = { signature, documents: scannable(documents), sources }
    }
    const page = scanSearch(built.documents, { q, limit: LIMIT, year: year ?? undefined, section: section ?? undefined })
    return { hits: page.hits, total: page.total, searched: built.sources }
  }
}

export type DeviceSearch = ReturnType<typeof createDeviceSearch>
