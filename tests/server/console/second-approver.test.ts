/**
 * The two-person rule (REQUIRE_SECOND_APPROVER) beyond "the last preparer may not publish", set and
 * unset, on both databases: replacing a published issue by upload (?replace=true) needs a
 * correction instead, and whoever uploaded, edited or corrected an issue since its last publish
 * may not publish it, even after someone else's later edit.
 */
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, type TestApp } from '../support/app'
import { addEditor, multipart, sampleNumbered, signIn, type Browser } from './support'

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1
const typoEdit = (text: string) => {
  const line = lineOf(text, '**增城区总工会网络直播')
  return { op: 'text', line, text: text.split('\n')[line - 1].replace('传递关怀', '传递温暖') }
}

describeOnEachBackend('console two-person rule: replacing and preparing', (backend) => {
  for (const rule of [true, false]) {
    describe(`REQUIRE_SECOND_APPROVER=${rule}`, () => {
      let t: TestApp
      let zhang: Browser
      let li: Browser
      let wang: Browser
      beforeAll(async () => {
        t = await buildTestApp(backend, { config: { console: { sessionHours: 12, signInFailures: 5, requireSecondApprover: rule } } })
        await addEditor(t, '张主编', 'chief')
        await addEditor(t, '李主编', 'chief')
        await addEditor(t, '王编辑', 'editor')
        zhang = await signIn(t, '张主编')
        li = await signIn(t, '李主编')
        wang = await signIn(t, '王编辑')
      })
      afterAll(() => t.close())

      const upload = (who: Browser, text: string, replace = false) => {
        const body = multipart([{ name: 'a.md', content: text }])
        return who.send({ method: 'POST', url: `/api/console/issues${replace ? '?replace=true' : ''}`, payload: body.payload, headers: body.headers })
      }

      it(rule ? 'refuses a chief replacing a published issue by upload (a correction instead)' : 'lets a chief replace a published issue by upload', async () => {
        const text = sampleNumbered('六十')
        const id = (await upload(zhang, text)).json().reports[0].id as number
        expect((await li.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })).statusCode).toBe(200)
        const changed = text.replace('传递关怀', '传递温暖')
        const res = await upload(zhang, changed, true)
        const stored = JSON.stringify(await t.storage.getIssue(id))
        if (!rule) {
          expect(res.statusCode).toBe(200)
          expect(res.json().reports[0]).toMatchObject({ ok: true, id, replaced: true, status: 'published' })
          expect(stored).toContain('传递温暖')
          return
        }
        expect(res.statusCode).toBe(403)
        expect(res.json()).toEqual({ error: 'second-approver-required', message: expect.stringContaining('更正') })
        expect(stored).not.toContain('传递温暖')
        const audit = (await zhang.send({ url: `/api/console/audit?issueId=${id}` })).json().items as Array<{ action: string }>
        expect(audit.map((a) => a.action)).toEqual(['publish', 'upload'])
        // A draft is still replaced by upload.
        const draft = sampleNumbered('六十一')
        const draftId = (await upload(zhang, draft)).json().reports[0].id as number
        const again = await upload(li, draft.replace('传递关怀', '传递温暖'), true)
        expect(again.statusCode).toBe(200)
        expect(again.json().reports[0]).toMatchObject({ ok: true, id: draftId, replaced: true, status: 'draft' })
      })

      it(rule ? 'refuses the uploader publishing after another editor’s edit; another chief may' : 'lets the uploader publish after another editor’s edit', async () => {
        const text = sampleNumbered('六十二')
        const id = (await upload(zhang, text)).json().reports[0].id as number
        expect((await wang.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: typoEdit(text) } })).statusCode).toBe(200)
        expect((await zhang.send({ url: `/api/console/issues/${id}` })).json().row.preparedBy).toBe('王编辑')
        const own = await zhang.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })
        if (!rule) {
          expect(own.statusCode).toBe(200)
          return
        }
        expect(own.statusCode).toBe(403)
        expect(own.json()).toEqual({ error: 'second-approver-required', message: expect.any(String) })
        expect((await t.storage.getIssue(id, { includeDrafts: true }))!.status).toBe('draft')
        expect((await li.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })).statusCode).toBe(200)
      })

      it('counts only what was prepared since the last publish', async () => {
        const text = sampleNumbered('六十三')
        const id = (await upload(zhang, text)).json().reports[0].id as number
        expect((await li.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })).statusCode).toBe(200)
        expect((await li.send({ method: 'POST', url: `/api/console/issues/${id}/unpublish`, payload: { reason: '暂缓' } })).statusCode).toBe(200)
        // 李 edits the unpublished draft: 李 may not publish it again under the rule, 张 (whose upload 李 approved) may.
        expect((await li.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: typoEdit(text) } })).statusCode).toBe(200)
        const byLi = await li.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })
        expect(byLi.statusCode).toBe(rule ? 403 : 200)
        if (rule) expect((await zhang.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })).statusCode).toBe(200)
      })
    })
  }
})
