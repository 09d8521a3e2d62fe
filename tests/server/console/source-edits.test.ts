/**
 * The check, fix and correct routes under /api/console on both databases: any signed-in editor
 * reads the source and fixes a draft (with the CSRF token), only a chief corrects a published
 * issue; refusals in the console's shape ({ error, message }); each change in the audit log, and an
 * edit makes its editor the one who prepared the issue.
 */
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, type TestApp } from '../support/app'
import type { SourceView } from '../../../src/core/check'
import type { AuditEntry } from '../../../src/core/console'
import { SAMPLE, sampleNumbered, storeDraft, type Browser, signedInEditorAndChief, lineOf } from './support'

describeOnEachBackend('console check, fix and correct', (backend) => {
  let t: TestApp
  let editor: Browser
  let chief: Browser
  beforeAll(async () => {
    t = await buildTestApp(backend)
    ;({ editor, chief } = await signedInEditorAndChief(t))
  })
  afterAll(() => t.close())

  const typoEdit = (text: string) => {
    const line = lineOf(text, '**增城区总工会网络直播')
    return { op: 'text', line, text: text.split('\n')[line - 1].replace('传递关怀', '传递温暖') }
  }

  it('needs a session to read, and the CSRF token to change', async () => {
    const id = await storeDraft(t, sampleNumbered('四十'))
    const none = await t.inject({ url: `/api/console/issues/${id}/source` })
    expect(none.statusCode).toBe(401)
    expect(none.json()).toEqual({ error: 'not-signed-in', message: expect.any(String) })
    const view = (await editor.send({ url: `/api/console/issues/${id}/source` })).json() as SourceView
    expect(view.structure.some((n) => n.kind === 'article')).toBe(true)
    const noToken = await editor.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: typoEdit(SAMPLE) }, csrf: false })
    expect(noToken.statusCode).toBe(403)
    expect(noToken.json().error).toBe('csrf-token-missing')
  })

  it('lets an editor fix a draft, recorded under their name and in the audit log', async () => {
    const text = sampleNumbered('四十一')
    const id = await storeDraft(t, text)
    const res = await editor.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: typoEdit(text) } })
    expect(res.statusCode).toBe(200)
    expect(res.json().source.edits).toEqual([{ at: expect.any(String), editor: '王编辑', edit: typoEdit(text) }])
    const audit = (await editor.send({ url: `/api/console/audit?issueId=${id}` })).json().items as AuditEntry[]
    expect(audit[0]).toMatchObject({ action: 'edit', issueId: id, editor: '王编辑' })
    expect((await editor.send({ url: `/api/console/issues/${id}` })).json().row.preparedBy).toBe('王编辑')
    const refused = await editor.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: { op: 'text', line: lineOf(text, '2020年7月13日'), text: '' } } })
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({ error: 'edit-refused', message: expect.stringMatching(/日期/) })
  })

  it('lets only a chief correct a published issue, with a note, in the audit log', async () => {
    const text = sampleNumbered('四十二')
    const id = await storeDraft(t, text)
    await chief.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })
    const body = { edit: typoEdit(text), note: '标题错字已改正' }
    const byEditor = await editor.send({ method: 'POST', url: `/api/console/issues/${id}/correction`, payload: body })
    expect(byEditor.statusCode).toBe(403)
    expect(byEditor.json().error).toBe('chief-only')
    expect((await editor.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: typoEdit(text) } })).json().error).toBe('not-a-draft')
    const res = await chief.send({ method: 'POST', url: `/api/console/issues/${id}/correction`, payload: body })
    expect(res.statusCode).toBe(200)
    const [articleId] = res.json().corrected as number[]
    expect((await t.inject({ url: `/api/articles/${articleId}` })).json().article).toMatchObject({
      title: '增城区总工会网络直播心系职工传递温暖',
      corrections: [{ note: '标题错字已改正' }],
    })
    const audit = (await editor.send({ url: `/api/console/audit?issueId=${id}` })).json().items as AuditEntry[]
    expect(audit[0]).toMatchObject({ action: 'correct', editor: '李主编', detail: expect.objectContaining({ note: '标题错字已改正', corrected: [articleId] }) })
  })
})
