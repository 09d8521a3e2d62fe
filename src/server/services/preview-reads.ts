/**
 * A draft as the reader would show it, for whoever holds a preview token (auth/preview-token.ts):
 * the issue the token names, and its articles. Never through the public caches, which only ever
 * hold published content; the routes answer these with `cache-control: no-store`.
 */
import { blocksOf, type ArticleInIssue, type StoredIssue } from '../../core/bulletin'
import type { Storage } from '../storage/storage'
import { verifyPreviewToken } from '../auth/preview-token'

export interface PreviewReads {
  /** The issue's id a valid token names, or null. */
  issueOf(token: string | undefined): number | null
  /** The issue as JSON when the token names it (draft or published); null otherwise. */
  issue(id: number, token: string | undefined): Promise<string | null>
  /** An article of the issue the token names, as JSON; null otherwise. */
  article(id: number, token: string | undefined): Promise<string | null>
  /** The issue itself when the token names it (draft or published), for the share cards; null otherwise. */
  issueObject(id: number, token: string | undefined): Promise<StoredIssue | null>
  /** An article of the issue the token names, for the share card and poster; null otherwise. */
  articleObject(id: number, token: string | undefined): Promise<ArticleInIssue | null>
  /** Whether a picture is in the issue the token names. */
  showsMedia(mediaId: string, token: string | undefined): Promise<boolean>
}

export function createPreviewReads(storage: Storage, sessionSecret: string): PreviewReads {
  const issueOf = (token: string | undefined) => verifyPreviewToken(sessionSecret, token)
  async function issueObject(id: number, token: string | undefined): Promise<StoredIssue | null> {
    if (issueOf(token) !== id) return null
    return storage.getIssue(id, { includeDrafts: true })
  }
  async function articleObject(id: number, token: string | undefined): Promise<ArticleInIssue | null> {
    const issueId = issueOf(token)
    if (issueId === null) return null
    const article = await storage.getArticle(id, { includeDrafts: true })
    return article && article.issue.id === issueId ? article : null
  }
  return {
    issueOf,
    issueObject,
    articleObject,
    async issue(id, token) {
      const issue = await issueObject(id, token)
      return issue ? JSON.stringify(issue) : null
    },
    async article(id, token) {
      const article = await articleObject(id, token)
      return article ? JSON.stringify(article) : null
    },
    async showsMedia(mediaId, token) {
      const issueId = issueOf(token)
      const issue = issueId === null ? null : await storage.getIssue(issueId, { includeDrafts: true })
      if (!issue) return false
      return issue.sections.some((s) => s.items.some((item) => item.kind === 'article' && blocksOf(item).some((b) => b.kind === 'image' && b.mediaId === mediaId)))
    },
  }
}
