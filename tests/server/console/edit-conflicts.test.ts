/**
 * Edits and corrections against an issue that changed since they were read, on both databases: two
 * edits of one draft at once (one stored, one refused with edit-conflict, the source holding exactly
 * the stored one), and an edit or correction whose issue was published or unpublished in between
 * (refused, nothing written), through the service and over HTTP (409 edit-conflict).
 */
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, type TestApp } from '../support/app'
import type { SourceEdit } from '../../../src/core/check'
import { createEditingService } from '../../../src/server/services/editing'
import type { PublishingService } from '../../../src/server/services/publishing'
import { StorageError } from '../../../src/server/storage/storage'
import { sampleNumbered, storeDraft, type Browser, signedInEditorAndChief, lineOf } from './support'

const textEdit = (text: string, needle: string, from: string, to: string): SourceEdit => {
  const line = lineOf(text, needle)
  return { op: 'text', line, text: text.split('\n')[line - 1].replace(from, to) }
}
const isEditConflict = (error: unknown) => error instanceof StorageError && error.code === 'edit-conflict'

describeOnEachBackend('edit conflicts', (backend) => {
  let t: TestApp
  let editor: Browser
  let chief: Browser
  let publishing: PublishingService
  beforeAll(async () => {
    t = await buildTestApp(backend)
    ;({ editor, chief } = await signedInEditorAndChief(t))
    publishing = t.server.backend.publishing
  })
  afterAll(() => t.close())

  /** An editing service whose store step first runs `before` (with the arguments it got). */
  const editingWith = (before: () => Promise<void>) =>
    createEditingService({
      storage: t.storage,
      publishing: {
        ...publishing,
        async replaceIssue(...args) {
          await before()
          return publishing.replaceIssue(...args)
        },
      },
    })

  it('stores one of two edits of the same draft made at once and refuses the other', async () => {
    const text = sampleNumbered('五十')
    const id = await storeDraft(t, text)
    // Both edits have read the draft before either stores.
    let arrived = 0
    let release = () => {}
    const bothRead = new Promise<void>((resolve) => (release = resolve))
    const editing = editingWith(async () => {
      if (++arrived === 2) release()
      await bothRead
    })
    const edits = [textEdit(text, '**增城区总工会网络直播', '传递关怀', '传递温暖'), textEdit(text, '**增城区总工会网络直播', '传递关怀', '送去关怀')]
    const outcomes = await Promise.allSettled(edits.map((edit, i) => editing.edit(id, edit, i === 0 ? '王编辑' : '张编辑')))
    const won = outcomes.findIndex((o) => o.status === 'fulfilled')
    expect(won).not.toBe(-1)
    const lost = outcomes[1 - won]
    expect(lost.status).toBe('rejected')
    expect(isEditConflict((lost as PromiseRejectedResult).reason)).toBe(true)
    const stored = (await t.storage.getSource(id))!
    expect(stored.edits).toEqual([{ at: expect.any(String), editor: won === 0 ? '王编辑' : '张编辑', edit: edits[won] }])
    const view = await editing.source(id)
    expect(view.lines).toEqual((outcomes[won] as PromiseFulfilledResult<Awaited<ReturnType<typeof editing.edit>>>).value.source.lines)
    expect(JSON.stringify(stored.stream)).toContain(won === 0 ? '传递温暖' : '送去关怀')
    expect(JSON.stringify(stored.stream)).not.toContain(won === 0 ? '送去关怀' : '传递温暖')
  })

  it('refuses an edit of a draft published after it was read, writing nothing', async () => {
    const text = sampleNumbered('五十一')
    const id = await storeDraft(t, text)
    const editing = editingWith(async () => {
      await publishing.publish(id, { announce: false })
    })
    const before = await t.storage.getSource(id)
    await expect(editing.edit(id, textEdit(text, '**增城区总工会网络直播', '传递关怀', '传递温暖'), '王编辑')).rejects.toMatchObject({
      name: 'StorageError',
      code: 'edit-conflict',
    })
    const issue = (await t.storage.getIssue(id))!
    expect(issue.status).toBe('published')
    expect(JSON.stringify(issue)).not.toContain('传递温暖')
    expect(await t.storage.getSource(id)).toEqual(before)
  })

  it('answers 409 edit-conflict over HTTP when the draft was published in between', async () => {
    const text = sampleNumbered('五十二')
    const id = await storeDraft(t, text)
    const spy = jest.spyOn(publishing, 'replaceIssue').mockImplementationOnce(async (...args) => {
      await publishing.publish(id, { announce: false })
      return publishing.replaceIssue(...args) // the spy again, now calling through
    })
    try {
      const res = await editor.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: textEdit(text, '**增城区总工会网络直播', '传递关怀', '传递温暖') } })
      expect(res.statusCode).toBe(409)
      expect(res.json()).toEqual({ error: 'edit-conflict', message: expect.stringContaining('请刷新后再改') })
    } finally {
      spy.mockRestore()
    }
    expect((await t.storage.getSource(id))!.edits).toEqual([])
    const audit = (await editor.send({ url: `/api/console/audit?issueId=${id}` })).json().items as Array<{ action: string }>
    expect(audit.map((a) => a.action)).not.toContain('edit')
  })

  it('refuses a correction of an issue unpublished in between, writing no note', async () => {
    const text = sampleNumbered('五十三')
    const id = await storeDraft(t, text)
    await publishing.publish(id, { announce: false })
    const editing = editingWith(async () => {
      await publishing.unpublish(id)
    })
    await expect(editing.correct(id, { edit: textEdit(text, '**增城区总工会网络直播', '传递关怀', '传递温暖') }, '改正错字', '李主编')).rejects.toMatchObject({
      name: 'StorageError',
      code: 'edit-conflict',
    })
    const issue = (await t.storage.getIssue(id, { includeDrafts: true }))!
    expect(issue.status).toBe('draft')
    expect(JSON.stringify(issue)).not.toContain('改正错字')
    expect((await t.storage.getSource(id))!.edits).toEqual([])
    // Read again, the draft is simply fixed.
    const ok = await chief.send({ method: 'POST', url: `/api/console/issues/${id}/edits`, payload: { edit: textEdit(text, '**增城区总工会网络直播', '传递关怀', '传递温暖') } })
    expect(ok.statusCode).toBe(200)
  })
})
