/**
 * Cards' test data: the project's real sample bulletin, imported by the real importer and given ids
 * the way storage would, so cards are drawn from actual titles, sources and text.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ArticleDetail } from '../../../src/core/api'
import type { StoredIssue, StoredItem } from '../../../src/core/bulletin'
import { importText } from '../../../src/core/import/index'

export const SAMPLE_FILE = path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md')

export function sampleIssue(id = 7, firstItemId = 100): StoredIssue {
  const result = importText(readFileSync(SAMPLE_FILE, 'utf8'))
  if (!result.ok) throw new Error(`sample does not import: ${JSON.stringify(result.errors)}`)
  let nextId = firstItemId
  const { sections, ...rest } = result.issue
  return {
    ...rest,
    id,
    status: 'published',
    publishedAt: '2020-07-13T08:00:00.000Z',
    importedAt: '2020-07-13T07:00:00.000Z',
    sections: sections.map((s) => ({ name: s.name, items: s.items.map((item) => ({ ...item, id: nextId++ }) as StoredItem) })),
  }
}

export function articleDetails(issue: StoredIssue): ArticleDetail[] {
  const flat = issue.sections.flatMap((s) => s.items.filter((i) => i.kind === 'article').map((article) => ({ article, section: s.name })))
  return flat.map(({ article, section }, i) => ({
    article: article as ArticleDetail['article'],
    issue: { id: issue.id, label: issue.label, date: issue.date, masthead: issue.masthead },
    section,
    previousId: i > 0 ? flat[i - 1].article.id : null,
    nextId: i + 1 < flat.length ? flat[i + 1].article.id : null,
  }))
}
