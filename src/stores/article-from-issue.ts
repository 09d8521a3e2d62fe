import type { ArticleDetail, IssueDetail } from '../core/api'
import type { Article, WithId } from '../core/bulletin'

/** The articles of an issue in reading order, with their section. */
export function articlesInOrder(issue: IssueDetail): Array<{ article: WithId<Article>; section: string }> {
  const out: Array<{ article: WithId<Article>; section: string }> = []
  for (const section of issue.sections) {
    for (const item of section.items) if (item.kind === 'article') out.push({ article: item, section: section.name })
  }
  return out
}

/** What GET /api/articles/:id would say, worked out from a cached issue (for offline reading). */
export function articleFromIssue(issue: IssueDetail, articleId: number): ArticleDetail | null {
  const list = articlesInOrder(issue)
  const at = list.findIndex((entry) => entry.article.id === articleId)
  if (at < 0) return null
  return {
    article: list[at].article,
    issue: { id: issue.id, label: issue.label, date: issue.date, masthead: issue.masthead },
    section: list[at].section,
    previousId: at > 0 ? list[at - 1].article.id : null,
    nextId: at < list.length - 1 ? list[at + 1].article.id : null,
  }
}
