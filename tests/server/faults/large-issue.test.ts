/**
 * An issue of 10,000 briefs: the importer's dry run accepts it, and storing it through the admin API
 * (and replacing it, and publishing it) succeeds too, with every item kept. One INSERT of every item
 * went past SQLite's bound-variable limit at about 4,100 items, and PostgreSQL's at about 7,000.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { importText } from '../../../src/core/import'
import { describeOnEachBackend } from '../support/storages'
import { admin, buildTestApp, type TestApp } from '../support/app'

const SAMPLE = readFileSync(path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md'), 'utf8')
const BRIEFS = 10_000

/** The sample, renumbered, with 10,000 more briefs in its 信息短波 section. */
function hugeIssue(): string {
  const briefs = Array.from({ length: BRIEFS }, (_, i) => `△第${i + 1}条短讯：区总工会开展职工技能竞赛活动。（第${(i % 50) + 1}区总工会）`).join('\n\n')
  const text = SAMPLE.replace('〔2020〕第二十期', '〔2020〕第三十期')
  const at = text.indexOf('△')
  return `${text.slice(0, at)}${briefs}\n\n${text.slice(at)}`
}

const itemCount = (sections: Array<{ items: unknown[] }>) => sections.reduce((n, s) => n + s.items.length, 0)

describeOnEachBackend('an issue of 10,000 briefs', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend)
  })
  afterAll(() => t.close())

  it('is stored, replaced and published whole, as the dry run read it', async () => {
    const text = hugeIssue()
    const dry = importText(text)
    if (!dry.ok) throw new Error(dry.errors[0].message)
    const expected = itemCount(dry.issue.sections)
    expect(expected).toBeGreaterThan(BRIEFS)
    const post = (query = '') => t.inject({ method: 'POST', url: `/api/admin/issues${query}`, headers: { ...admin, 'content-type': 'text/markdown' }, payload: text })
    const stored = await post()
    expect(stored.statusCode).toBe(201)
    expect(itemCount(stored.json().sections)).toBe(expected)
    const again = await post()
    expect(again.json()).toMatchObject({ id: stored.json().id, replaced: true })
    expect((await t.inject({ method: 'POST', url: `/api/admin/issues/${stored.json().id}/publish`, headers: admin })).statusCode).toBe(200)
    const read = await t.inject({ url: `/api/issues/${stored.json().id}` })
    expect(itemCount(read.json().sections)).toBe(expected)
    expect(
      read
        .json()
        .sections.flatMap((s: { items: Array<{ kind: string; text?: string }> }) => s.items)
        .filter((i: { text?: string }) => i.text?.startsWith('第10000条')),
    ).toHaveLength(1)
  }, 120_000)
})
