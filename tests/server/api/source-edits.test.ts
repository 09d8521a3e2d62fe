/**
 * Check, fix and correct through HTTP (Bearer admin routes), on both databases: the kept source and
 * the structure read from it, fixes that re-read the draft (refused with the line, nothing stored),
 * and corrections of a published issue that keep every article's id, show the note in the article
 * API, and reach search.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { StoredIssue, WithId, Article } from '../../../src/core/bulletin'
import type { SourceView } from '../../../src/core/check'
import { describeOnEachBackend } from '../support/storages'
import { admin, buildTestApp, type TestApp } from '../support/app'

const SAMPLE = readFileSync(path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md'), 'utf8')
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1
const articles = (issue: StoredIssue) => issue.sections.flatMap((s) => s.items.filter((i): i is WithId<Article> => i.kind === 'article'))

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = '----ubtest' + Math.random().toString(16).slice(2)
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
  parts.push(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: text/markdown\r\n\r\n${file.content}\r\n--${boundary}--\r\n`)
  return { payload: Buffer.from(parts.join('')), headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describeOnEachBackend('source, edits and corrections', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend)
  })
  afterAll(() => t.close())

  const upload = async (text: string) => {
    const res = await t.inject({ method: 'POST', url: '/api/admin/issues?replace=true', headers: { ...admin, 'content-type': 'text/markdown; charset=utf-8' }, payload: text })
    expect(res.statusCode).toBe(201)
    return res.json() as StoredIssue
  }
  const source = async (id: number) => (await t.inject({ url: `/api/admin/issues/${id}/source`, headers: admin })).json() as SourceView
  const edit = (id: number, body: unknown) => t.inject({ method: 'POST', url: `/api/admin/issues/${id}/edits`, headers: admin, payload: body as object })

  it('gives the document’s lines and the structure read from them, each part with its line and item', async () => {
    const issue = await upload(SAMPLE)
    const view = await source(issue.id)
    expect(view.lines).toContainEqual({ line: lineOf(SAMPLE, '〔2020〕第二十期'), kind: 'line', text: '〔2020〕第二十期' })
    const [first] = articles(issue)
    expect(view.structure).toContainEqual({
      kind: 'article',
      line: lineOf(SAMPLE, '广州市工青妇组织推动“三大工程”羊城行动决战决胜脱贫攻坚 一是'),
      text: first.title,
      itemId: first.id,
    })
    expect(view.warnings).toEqual(issue.warnings)
    expect(view.edits).toEqual([])
    expect((await t.inject({ url: `/api/admin/issues/999999/source`, headers: admin })).json().error.code).toBe('issue-not-found')
  })

  it('fixes a draft: a typo in a title, a line marked as a brief; each recorded; other articles keep their ids', async () => {
    const before = await upload(SAMPLE)
    const ids = articles(before).map((a) => a.id)
    const typoLine = lineOf(SAMPLE, '**增城区总工会网络直播')
    const typo = SAMPLE.split('\n')[typoLine - 1].replace('传递关怀', '传递温暖')
    const fixed = await edit(before.id, { edit: { op: 'text', line: typoLine, text: typo } })
    expect(fixed.statusCode).toBe(200)
    const { issue, source: view } = fixed.json() as { issue: StoredIssue; source: SourceView }
    const after = articles(issue)
    expect(after.map((a) => a.id)).toEqual(ids)
    expect(after[4].title).toBe('增城区总工会网络直播心系职工传递温暖')
    expect(after.filter((_, i) => i !== 4)).toEqual(articles(before).filter((_, i) => i !== 4))
    expect(view.edits).toEqual([{ at: expect.any(String), editor: 'admin', edit: { op: 'text', line: typoLine, text: typo } }])
    expect(view.lines.find((l) => l.line === typoLine)?.text).toBe(typo)

    const sourceLine = lineOf(SAMPLE, '家政”等 12 个订单班')
    const marked = await edit(before.id, { edit: { op: 'mark', line: sourceLine, as: 'brief' } })
    expect(marked.statusCode).toBe(200)
    expect((await source(before.id)).edits.map((e) => e.edit.op)).toEqual(['text', 'mark'])
  })

  it('refuses an edit that makes the document unreadable, with the line, and stores nothing', async () => {
    const issue = await upload(SAMPLE)
    const before = await source(issue.id)
    const dateLine = lineOf(SAMPLE, '2020年7月13日')
    const res = await edit(issue.id, { edit: { op: 'text', line: dateLine, text: '七月' } })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'edit-refused', details: { problem: { code: 'no-date' } } })
    expect(res.json().error.message).toMatch(/出版日期/)
    const bad = await edit(issue.id, { edit: { op: 'split', line: dateLine, at: 99 } })
    expect(bad.json().error).toMatchObject({ code: 'edit-refused', details: { line: dateLine } })
    expect((await edit(issue.id, { edit: { op: 'shout', line: 1 } })).statusCode).toBe(400)
    expect(await source(issue.id)).toEqual(before)
    const { replaced: _replaced, ...stored } = issue as StoredIssue & { replaced: boolean }
    expect((await t.inject({ url: `/api/admin/issues/${issue.id}`, headers: admin })).json()).toEqual(stored)
  })

  it('corrects a published issue: ids kept, the note in the article API (past its cache), search and the poster see the new text', async () => {
    const draft = await upload(SAMPLE)
    await t.inject({ method: 'POST', url: `/api/admin/issues/${draft.id}/publish`, headers: admin })
    const ids = articles(draft).map((a) => a.id)
    expect((await edit(draft.id, { edit: { op: 'merge', line: 30 } })).json().error.code).toBe('not-a-draft')

    // Read (and so cached) before the correction: the correction must reach readers all the same.
    expect((await t.inject({ url: `/api/articles/${ids[2]}` })).json().article.corrections).toBeUndefined()
    const poster = async () => (await t.inject({ url: `/api/cards/articles/${ids[2]}/poster.png` })).headers.etag
    const posterBefore = await poster()
    expect(posterBefore).toEqual(expect.any(String))
    const line = lineOf(SAMPLE, '**市总工会系统开展')
    const corrected = SAMPLE.split('\n')[line - 1].replace('7 月 8 日', '7 月 9 日')
    const res = await t.inject({
      method: 'POST',
      url: `/api/admin/issues/${draft.id}/correction`,
      headers: admin,
      payload: { edit: { op: 'text', line, text: corrected }, note: '活动日期应为7月9日' },
    })
    expect(res.statusCode).toBe(200)
    const { issue, corrected: changed } = res.json() as { issue: StoredIssue; corrected: number[] }
    expect(issue.status).toBe('published')
    expect(changed).toEqual([ids[2]])
    expect(articles(issue).map((a) => a.id)).toEqual(ids)
    const article = (await t.inject({ url: `/api/articles/${ids[2]}` })).json()
    expect(article.article.corrections).toEqual([{ at: expect.any(String), note: '活动日期应为7月9日' }])
    expect(article.article.paragraphs[0]).toMatch(/^7 月 9 日/)
    expect((await t.inject({ url: `/api/articles/${ids[1]}` })).json().article.corrections).toBeUndefined()
    const issueApi = (await t.inject({ url: `/api/issues/${draft.id}` })).json() as StoredIssue
    expect(articles(issueApi)[2].corrections).toHaveLength(1)
    const hits = (await t.inject({ url: `/api/search?q=${encodeURIComponent('7 月 9 日，市总工会')}` })).json()
    expect(hits.items.map((h: { itemId: number }) => h.itemId)).toContain(ids[2])
    expect((await source(draft.id)).edits.at(-1)).toMatchObject({ editor: 'admin', note: '活动日期应为7月9日' })
    // The poster prints the article's opening: a new one, under a new ETag.
    expect(await poster()).not.toBe(posterBefore)
  })

  it('corrects with a whole document: an inserted article moves the others without renumbering them', async () => {
    const text = SAMPLE.replace('〔2020〕第二十期', '〔2020〕第二十一期')
    const draft = await upload(text)
    await t.inject({ method: 'POST', url: `/api/admin/issues/${draft.id}/publish`, headers: admin })
    const ids = articles(draft).map((a) => a.id)
    const inserted = text
      .replace('1. 广州市工青妇', '0. 新增的一篇文章\n1. 广州市工青妇')
      .replace('\n## 〔要情动态〕\n', '\n## 〔要情动态〕\n\n**新增的一篇文章** 这是更正时加上的一篇文章。（市总工会办公室）\n')
    const res = await t.inject({
      method: 'POST',
      url: `/api/admin/issues/${draft.id}/correction`,
      ...multipart({ note: '补充一篇漏登的文章' }, { name: 'corrected.md', content: inserted }),
    })
    expect(res.statusCode).toBe(200)
    const { issue, corrected } = res.json() as { issue: StoredIssue; corrected: number[] }
    const after = articles(issue)
    expect(after[0].title).toBe('新增的一篇文章')
    expect(after.slice(1).map((a) => a.id)).toEqual(ids)
    expect(corrected).toEqual([])
    const none = await t.inject({ method: 'POST', url: `/api/admin/issues/${draft.id}/correction`, ...multipart({ note: ' ' }, { name: 'c.md', content: inserted }) })
    expect(none.json().error.code).toBe('no-note')
  })
})
