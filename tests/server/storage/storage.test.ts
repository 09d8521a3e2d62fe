import { describeOnEachBackend } from '../support/storages'
import { makeIssue } from '../support/archive'
import type { Storage } from '../../../src/server/storage/storage'
import { StorageError } from '../../../src/server/storage/storage'
import { rawDatabaseOf } from '../support/raw-database'

describeOnEachBackend('storage', (backend) => {
  let storage: Storage
  beforeAll(async () => {
    storage = await backend.open()
  })
  afterAll(async () => {
    await storage.close()
    await backend.cleanup()
  })

  it('stores an imported issue as a draft with ids, hidden from the public until published', async () => {
    const issue = makeIssue(2020, 20)
    const { issue: stored, replaced } = await storage.saveDraft(issue)
    expect(replaced).toBe(false)
    expect(stored.status).toBe('draft')
    expect(stored.publishedAt).toBeNull()
    expect(stored.sections.map((s) => s.name)).toEqual(issue.sections.map((s) => s.name))
    expect(stored.sections[0].items[0]).toMatchObject({ ...issue.sections[0].items[0], id: expect.any(Number) })
    expect(stored.warnings).toEqual(issue.warnings)
    expect(await storage.getIssue(stored.id)).toBeNull()
    expect(await storage.getIssue(stored.id, { includeDrafts: true })).toEqual(stored)
    const firstArticle = stored.sections[0].items[0].id
    expect(await storage.getArticle(firstArticle)).toBeNull()

    const before = await storage.publishedVersion()
    const published = await storage.publishIssue(stored.id)
    expect(published?.changed).toBe(true)
    expect(published?.issue.status).toBe('published')
    expect(await storage.publishedVersion()).toBeGreaterThan(before)
    expect((await storage.getIssue(stored.id))?.sections).toEqual(stored.sections)
    const again = await storage.publishIssue(stored.id)
    expect(again?.changed).toBe(false)
  })

  it('runs the publish callback inside the transaction and rolls everything back when it fails', async () => {
    const { issue } = await storage.saveDraft(makeIssue(2021, 1))
    const version = await storage.publishedVersion()
    await expect(
      storage.publishIssue(issue.id, {
        inTransaction: async (trx, seen) => {
          expect(seen.status).toBe('published')
          await trx.notifications.enqueueDeliveries({ issueId: seen.id, templateId: 'rolled-back', page: 'p', data: {} })
          throw new Error('enqueue failed')
        },
      }),
    ).rejects.toThrow('enqueue failed')
    expect((await storage.getIssue(issue.id, { includeDrafts: true }))?.status).toBe('draft')
    expect(await storage.publishedVersion()).toBe(version)
    const message = await rawDatabaseOf(storage).selectFrom('notify_issue_messages').selectAll().where('template_id', '=', 'rolled-back').executeTakeFirst()
    expect(message).toBeUndefined()
  })

  it('replaces a draft with the same year and number, keeping ids where items line up', async () => {
    const first = await storage.saveDraft(makeIssue(2022, 3, 1))
    const second = await storage.saveDraft(makeIssue(2022, 3, 2))
    expect(second.replaced).toBe(true)
    expect(second.issue.id).toBe(first.issue.id)
    expect(second.issue.sections).toEqual(
      makeIssue(2022, 3, 2).sections.map((s, i) => ({
        name: s.name,
        items: s.items.map((item, j) => ({ ...item, id: second.issue.sections[i].items[j].id })),
      })),
    )
    expect(second.issue.sections[0].items[0].id).toBe(first.issue.sections[0].items[0].id)
    const all = await storage.listAll()
    expect(all.filter((s) => s.year === 2022 && s.number === 3)).toHaveLength(1)
  })

  it('refuses to replace a published issue unless asked to, then keeps it published', async () => {
    const { issue } = await storage.saveDraft(makeIssue(2023, 5, 1))
    await storage.publishIssue(issue.id)
    const error = await storage.saveDraft(makeIssue(2023, 5, 2)).catch((e) => e)
    expect(error).toBeInstanceOf(StorageError)
    expect(error.code).toBe('published-conflict')
    expect((await storage.getIssue(issue.id))?.sections).toEqual(issue.sections)
    const version = await storage.publishedVersion()
    const replaced = await storage.saveDraft(makeIssue(2023, 5, 2), { replacePublished: true })
    expect(replaced.issue.status).toBe('published')
    expect(await storage.publishedVersion()).toBeGreaterThan(version)
  })

  it('stores one issue when the same year and number are imported at the same moment', async () => {
    const issue = makeIssue(2017, 7)
    // Several at once: on PostgreSQL they run on separate pooled connections and really race (the
    // pool is warmed first, or the first transaction would finish while the others still connect).
    if (storage.dialect === 'postgres') await Promise.all([1, 2, 3, 4].map(() => storage.publishedVersion()))
    const results = await Promise.all([1, 2, 3, 4].map(() => storage.saveDraft(issue)))
    expect(new Set(results.map((r) => r.issue.id)).size).toBe(1)
    expect(results.filter((r) => !r.replaced)).toHaveLength(1)
    const all = await storage.listAll()
    expect(all.filter((i) => i.year === 2017 && i.number === 7)).toHaveLength(1)
  })

  it('lists published issues newest first with contents, page by page', async () => {
    for (let n = 1; n <= 5; n++) {
      const { issue } = await storage.saveDraft(makeIssue(2019, n))
      await storage.publishIssue(issue.id)
    }
    const all: number[] = []
    let page = await storage.listPublished(2)
    all.push(...page.items.map((i) => i.id))
    while (page.next) {
      page = await storage.listPublished(2, page.next)
      all.push(...page.items.map((i) => i.id))
    }
    const everything = (await storage.listAll()).filter((s) => s.status === 'published')
    expect(all).toEqual(everything.map((s) => s.id))
    const dates = everything.map((s) => s.date)
    expect([...dates].sort().reverse()).toEqual(dates)
    const one = (await storage.listPublished(1)).items[0]
    const full = (await storage.getIssue(one.id))!
    expect(one.contents).toEqual(
      full.sections.map((s) => ({
        name: s.name,
        articles: s.items.flatMap((i) => (i.kind === 'article' ? [{ id: i.id, title: i.title }] : [])),
        briefCount: s.items.filter((i) => i.kind === 'brief').length,
      })),
    )
  })

  it('gives an article with its neighbours across sections', async () => {
    const { issue } = await storage.saveDraft(makeIssue(2018, 7))
    await storage.publishIssue(issue.id)
    const articles = issue.sections.flatMap((s) => s.items.filter((i) => i.kind === 'article').map((i) => ({ id: i.id, section: s.name })))
    for (const [i, a] of articles.entries()) {
      const detail = (await storage.getArticle(a.id))!
      expect(detail.section).toBe(a.section)
      expect(detail.issue).toEqual({ id: issue.id, label: issue.label, date: issue.date, masthead: issue.masthead })
      expect(detail.previousId).toBe(i > 0 ? articles[i - 1].id : null)
      expect(detail.nextId).toBe(i + 1 < articles.length ? articles[i + 1].id : null)
    }
    const brief = issue.sections[2].items[0]
    expect(await storage.getArticle(brief.id)).toBeNull()
  })

  it('keeps members unique by openid and device id, and favourites idempotent', async () => {
    const a = await storage.memberByOpenid('openid-a')
    expect(await storage.memberByOpenid('openid-a')).toEqual(a)
    const d = await storage.memberByDevice('device-1')
    expect(d.id).not.toBe(a.id)
    expect(await storage.getMember(d.id)).toEqual(d)
    const { issue } = await storage.saveDraft(makeIssue(2017, 9))
    const article = issue.sections[0].items[0].id
    expect(await storage.addFavourite(a.id, article)).toBeNull() // draft: not visible
    await storage.publishIssue(issue.id)
    const entry = await storage.addFavourite(a.id, article)
    expect(entry).toMatchObject({ articleId: article, issueId: issue.id, issueLabel: issue.label })
    expect(await storage.addFavourite(a.id, article)).toEqual(entry)
    expect(await storage.listFavourites(a.id)).toEqual([entry])
    expect(await storage.listFavourites(d.id)).toEqual([])
    await storage.removeFavourite(a.id, article)
    await storage.removeFavourite(a.id, article)
    expect(await storage.listFavourites(a.id)).toEqual([])
  })

  it('deletes an issue with its items and favourites', async () => {
    const { issue } = await storage.saveDraft(makeIssue(2016, 2))
    await storage.publishIssue(issue.id)
    const member = await storage.memberByDevice('device-delete')
    await storage.addFavourite(member.id, issue.sections[0].items[0].id)
    expect(await storage.deleteIssue(issue.id)).toBe(true)
    expect(await storage.deleteIssue(issue.id)).toBe(false)
    expect(await storage.getIssue(issue.id, { includeDrafts: true })).toBeNull()
    expect(await storage.listFavourites(member.id)).toEqual([])
  })
})
