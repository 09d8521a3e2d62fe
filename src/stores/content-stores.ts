/**
 * Issues and articles by id, cached per key on the device. An article of a cached issue can be read
 * offline even if it was never opened on its own: it is derived from the issue.
 */
import type { ArticleDetail, IssueDetail } from '../core/api'
import type { Api } from '../services/api'
import type { ContentCache } from '../services/content-cache'
import { articleFromIssue } from './article-from-issue'
import { createResourceStore } from './resource-store'

export const issueKey = (id: number) => `issue:${id}`
export const articleKey = (id: number) => `article:${id}`

export function createIssueStore(api: Pick<Api, 'getIssue'>, cache: ContentCache, knownOffline?: () => boolean) {
  return createResourceStore<IssueDetail>({ fetch: (id) => api.getIssue(id), cache, cacheKey: issueKey, knownOffline })
}

export function createArticleStore(api: Pick<Api, 'getArticle'>, cache: ContentCache, knownOffline?: () => boolean) {
  return createResourceStore<ArticleDetail>({
    knownOffline,
    fetch: (id) => api.getArticle(id),
    cache,
    cacheKey: articleKey,
    fallback(id) {
      for (const key of cache.keys()) {
        if (!key.startsWith('issue:')) continue
        const issue = cache.get<IssueDetail>(key)
        const found = issue && articleFromIssue(issue, id)
        if (found) return found
      }
      return null
    },
  })
}
