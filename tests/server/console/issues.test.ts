/**
 * The console's issue routes over HTTP on both databases: multi-file upload with a report per file,
 * the list with who prepared and published, the publish confirmation, publishing, the fan-out's
 * counts, unpublishing with a reason, deleting, and the audit log of each (with the client address
 * read through TRUST_PROXY).
 */
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, type TestApp } from '../support/app'
import { markdownToDocx } from '../import/make-docx'
import type { AuditEntry, ConsoleIssueRow, UploadReport } from '../../../src/core/console'
import { addEditor, multipart, PASSWORD, sampleNumbered, signIn, signInRequest, type Browser, signedInEditorAndChief } from './support'

const TEMPLATE = 'TPL_CONSOLE'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const from = (address: string) => ({ 'x-forwarded-for': address })

describeOnEachBackend('console issues', (backend) => {
  let t: TestApp
  let editor: Browser
  let chief: Browser
  beforeAll(async () => {
    t = await buildTestApp(backend, { config: { newIssueTemplateId: TEMPLATE, trustProxy: 1 } })
    ;({ editor, chief } = await signedInEditorAndChief(t))
    for (const openid of ['m-1', 'm-2']) {
      const member = await t.storage.memberByOpenid(openid)
      await t.storage.notifications.recordSubscribeResult(member.id, TEMPLATE, 'accept')
    }
    await t.storage.memberByDevice('h5-device-without-credit')
  })
  afterAll(() => t.close())

  const upload = (who: Browser, files: Parameters<typeof multipart>[0], query = '', address = '10.1.1.1') => {
    const body = multipart(files)
    return who.send({ method: 'POST', url: `/api/console/issues${query}`, payload: body.payload, headers: { ...body.headers, ...from(address) } })
  }
  const rowOf = async (id: number): Promise<ConsoleIssueRow> => (await editor.send({ url: `/api/console/issues/${id}` })).json().row
  const auditOf = async (id?: number): Promise<AuditEntry[]> => (await editor.send({ url: `/api/console/audit${id ? `?issueId=${id}` : ''}` })).json().items

  let draftId = 0
  let docxId = 0

  it('uploads several files at once: each becomes a draft or says what stopped it, with the line', async () => {
    const { bytes: docx } = await markdownToDocx(sampleNumbered('三十一'), 'lines')
    const res = await upload(editor, [
      { name: '第三十期.md', content: sampleNumbered('三十'), type: 'text/markdown' },
      { name: '坏的.md', content: '这不是一期工会信息\n\n只有两行' },
      { name: '第三十一期.docx', content: Buffer.from(docx), type: DOCX },
      { name: '说明.pdf', content: '%PDF-1.4' },
    ])
    expect(res.statusCode).toBe(200)
    const reports = res.json().reports as UploadReport[]
    expect(reports.map((r) => [r.fileName, r.ok])).toEqual([
      ['第三十期.md', true],
      ['坏的.md', false],
      ['第三十一期.docx', true],
      ['说明.pdf', false],
    ])
    const [md, bad, word, pdf] = reports
    expect(md).toMatchObject({ ok: true, label: '〔2020〕第三十期', status: 'draft', replaced: false, warnings: expect.any(Array) })
    if (!bad.ok) expect(bad.errors[0]).toEqual({ code: expect.any(String), line: expect.any(Number), message: expect.any(String) })
    if (!pdf.ok) expect(pdf.errors[0].message).toMatch(/\.docx|\.md|\.txt/)
    draftId = md.ok ? md.id : 0
    docxId = word.ok ? word.id : 0
    expect((await t.inject({ url: `/api/issues/${draftId}` })).statusCode).toBe(404) // a draft stays private
  })

  it('lists issues with article count and who prepared them, and shows one issue', async () => {
    const list = await editor.send({ url: '/api/console/issues' })
    expect(list.headers['cache-control']).toBe('no-store')
    const row = (list.json().items as ConsoleIssueRow[]).find((r) => r.id === draftId)!
    expect(row).toMatchObject({ label: '〔2020〕第三十期', status: 'draft', preparedBy: '王编辑', publishedBy: null })
    expect(row.articleCount).toBeGreaterThan(3)
    expect(Date.parse(row.preparedAt!)).not.toBeNaN()
    const one = (await editor.send({ url: `/api/console/issues/${draftId}` })).json()
    expect(one.issue).toMatchObject({ id: draftId, status: 'draft' })
    expect(one.row).toEqual(row)
    const missing = await editor.send({ url: '/api/console/issues/999999' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ error: 'issue-not-found', message: expect.any(String) })
  })

  it('refuses ?replace=true from an editor (replacing a published issue is a chief’s decision)', async () => {
    const res = await upload(editor, [{ name: 'x.md', content: sampleNumbered('三十') }], '?replace=true')
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toBe('chief-only')
  })

  it('says before publishing how many members will be told, and what they will read', async () => {
    const res = await editor.send({ url: `/api/console/issues/${draftId}/publish-preview` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      recipients: 2,
      message: { title: expect.stringContaining('新一期'), lines: expect.arrayContaining(['期号：〔2020〕第三十期', '日期：2020-07-13']) },
    })
  })

  it('publishes as chief; the fan-out is counted; the list says who published', async () => {
    const res = await chief.send({ method: 'POST', url: `/api/console/issues/${draftId}/publish`, headers: from('10.2.2.2') })
    expect(res.statusCode).toBe(200)
    expect(res.json().issue).toMatchObject({ id: draftId, status: 'published' })
    expect((await editor.send({ url: `/api/console/issues/${draftId}/deliveries` })).json()).toEqual({ total: 2, queued: 2, sent: 0, refused: 0, failed: 0 })
    expect(await rowOf(draftId)).toMatchObject({ status: 'published', preparedBy: '王编辑', publishedBy: '李主编' })
    expect((await t.inject({ url: `/api/issues/${draftId}` })).statusCode).toBe(200)
  })

  it('unpublishes only with a reason', async () => {
    const none = await chief.send({ method: 'POST', url: `/api/console/issues/${draftId}/unpublish`, payload: { reason: '  ' } })
    expect(none.statusCode).toBe(400)
    expect(none.json().error).toBe('reason-required')
    expect((await chief.send({ method: 'POST', url: `/api/console/issues/${draftId}/unpublish`, payload: {} })).statusCode).toBe(400)
    const res = await chief.send({ method: 'POST', url: `/api/console/issues/${draftId}/unpublish`, payload: { reason: '期号有误' }, headers: from('10.2.2.2') })
    expect(res.statusCode).toBe(200)
    expect(res.json().issue.status).toBe('draft')
    expect(await rowOf(draftId)).toMatchObject({ status: 'draft', publishedBy: null })
    expect((await editor.send({ url: `/api/console/issues/${draftId}/deliveries` })).json()).toMatchObject({ total: 0, queued: 0 })
  })

  it('deletes as chief (204); the issue is gone, its audit lines stay with its label', async () => {
    const res = await chief.send({ method: 'DELETE', url: `/api/console/issues/${docxId}`, headers: from('10.3.3.3') })
    expect(res.statusCode).toBe(204)
    expect((await editor.send({ url: `/api/console/issues/${docxId}` })).statusCode).toBe(404)
    const lines = await auditOf(docxId)
    expect(lines.map((l) => [l.action, l.editor, l.label, l.address])).toEqual([
      ['delete', '李主编', '〔2020〕第三十一期', '10.3.3.3'],
      ['upload', '王编辑', '〔2020〕第三十一期', '10.1.1.1'],
    ])
  })

  it('records each action in the audit log, newest first, with who, when and from which address', async () => {
    const lines = await auditOf(draftId)
    expect(lines.map((l) => [l.action, l.editor, l.address])).toEqual([
      ['unpublish', '李主编', '10.2.2.2'],
      ['publish', '李主编', '10.2.2.2'],
      ['upload', '王编辑', '10.1.1.1'],
    ])
    expect(lines[0].detail).toMatchObject({ reason: '期号有误' })
    expect(lines[2].detail).toMatchObject({ fileName: '第三十期.md', replaced: false })
    for (const line of lines) expect(Date.parse(line.at)).not.toBeNaN()
    const all = await auditOf()
    expect(all.filter((l) => l.action === 'upload-refused').map((l) => l.detail.fileName)).toEqual(['说明.pdf', '坏的.md'])
    expect(all.filter((l) => l.action === 'sign-in').map((l) => l.editor)).toEqual(['李主编', '王编辑'])
  })

  it('limits failed sign-ins per address across names (429), leaving other addresses be', async () => {
    const tries = (t.config.console.signInFailures ?? 5) * 4
    for (let i = 0; i < tries; i++) expect((await t.inject(signInRequest(`名字${i}`, 'x', from('10.9.9.9')))).statusCode).toBe(401)
    const limited = await t.inject(signInRequest('王编辑', PASSWORD, from('10.9.9.9')))
    expect(limited.statusCode).toBe(429)
    expect((await t.inject(signInRequest('王编辑', PASSWORD, from('10.9.9.8')))).statusCode).toBe(200)
  })
})

describeOnEachBackend('console two-person rule', (backend) => {
  for (const rule of [true, false]) {
    describe(`REQUIRE_SECOND_APPROVER=${rule}`, () => {
      let t: TestApp
      beforeAll(async () => {
        t = await buildTestApp(backend, { config: { console: { sessionHours: 12, signInFailures: 5, requireSecondApprover: rule } } })
        await addEditor(t, '张主编', 'chief')
        await addEditor(t, '李主编', 'chief')
      })
      afterAll(() => t.close())

      it(rule ? 'the chief who prepared an issue may not publish it; another chief may' : 'the chief who prepared an issue may publish it', async () => {
        const zhang = await signIn(t, '张主编')
        const body = multipart([{ name: 'a.md', content: sampleNumbered('四十') }])
        const up = await zhang.send({ method: 'POST', url: '/api/console/issues', payload: body.payload, headers: body.headers })
        const id = up.json().reports[0].id as number
        const own = await zhang.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })
        if (!rule) {
          expect(own.statusCode).toBe(200)
          return
        }
        expect(own.statusCode).toBe(403)
        expect(own.json()).toEqual({ error: 'second-approver-required', message: expect.any(String) })
        expect((await t.storage.getIssue(id, { includeDrafts: true }))!.status).toBe('draft')
        const li = await signIn(t, '李主编')
        const other = await li.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })
        expect(other.statusCode).toBe(200)
        expect(other.json().issue.status).toBe('published')
      })
    })
  }
})
