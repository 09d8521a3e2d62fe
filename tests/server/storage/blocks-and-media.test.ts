/**
 * Migration 004 on both databases: an issue with blocks, a source's role, a double issue's numbers,
 * a total number and a special flag reads back exactly as imported; its pictures are stored once
 * (content-addressed) in the draft's transaction, public only once the issue is published, and
 * deleted when no issue uses them any more.
 */
import { describeOnEachBackend } from '../support/storages'
import { makeIssue } from '../support/archive'
import { rawDatabaseOf } from '../support/raw-database'
import { articleWithBlocks, picture, withArticle } from '../support/pictures'
import type { Issue } from '../../../src/core/bulletin'
import type { Storage } from '../../../src/server/storage/storage'
import type { ImportedMedia } from '../../../src/server/import/media'

/** The stored issue without what storage adds: what was imported. */
function asImported(stored: Record<string, unknown> & { sections: Array<{ name: string; items: Array<Record<string, unknown>> }> }) {
  const { id: _id, status: _s, publishedAt: _p, importedAt: _i, ...rest } = stored
  return { ...rest, sections: stored.sections.map((s) => ({ name: s.name, items: s.items.map(({ id: _x, ...item }) => item) })) }
}

describeOnEachBackend('blocks and media', (backend) => {
  let storage: Storage
  let png: ImportedMedia
  let jpeg: ImportedMedia
  beforeAll(async () => {
    storage = await backend.open()
    png = await picture('png', 1200, 800)
    jpeg = await picture('jpeg', 640, 480, { r: 20, g: 90, b: 200 })
  })
  afterAll(async () => {
    await storage.close()
    await backend.cleanup()
  })

  const mediaCount = async () =>
    Number(
      (
        await rawDatabaseOf(storage)
          .selectFrom('media')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('reads an issue back exactly as imported: blocks, role, numbers, total number, special', async () => {
    const issue: Issue = { ...withArticle(makeIssue(2024, 1), articleWithBlocks([png, jpeg])), numbers: [1, 2], totalNumber: 312, special: true }
    const { issue: stored } = await storage.saveDraft(issue, { media: [png, jpeg] })
    expect(asImported(stored as never)).toEqual(issue)
    expect(asImported((await storage.getIssue(stored.id, { includeDrafts: true })) as never)).toEqual(issue)
    // An issue without the new fields has none of them (not undefined keys, not nulls).
    const { issue: plain } = await storage.saveDraft(makeIssue(2024, 3))
    expect(asImported(plain as never)).toEqual(makeIssue(2024, 3))
    expect(Object.keys(plain)).not.toContain('numbers')
    const firstItem = plain.sections[0].items[0]
    expect(firstItem.kind === 'article' && 'blocks' in firstItem).toBe(false)
  })

  it('keeps the pictures in the database, once each, public only when the issue is published', async () => {
    const stored = (await storage.saveDraft(withArticle(makeIssue(2024, 5), articleWithBlocks([png])), { media: [png] })).issue
    expect(await storage.getMedia(png.id)).toBeNull()
    const draft = await storage.getMedia(png.id, { includeDrafts: true })
    expect(draft).toMatchObject({ id: png.id, contentType: 'image/png', width: 1200, height: 800 })
    expect(Buffer.from(draft!.bytes).equals(Buffer.from(png.bytes))).toBe(true)
    await storage.publishIssue(stored.id)
    expect((await storage.getMedia(png.id))?.id).toBe(png.id)
    const article = stored.sections[0].items[0]
    const detail = await storage.getArticle(article.id)
    expect(detail?.article.blocks?.find((b) => b.kind === 'image')).toEqual({ kind: 'image', mediaId: png.id, width: 1200, height: 800, caption: '图1' })
    // 2024/1, 2024/5 share the PNG: one row.
    const rows = await rawDatabaseOf(storage).selectFrom('media').select('id').where('id', '=', png.id).execute()
    expect(rows).toHaveLength(1)
    await storage.unpublishIssue(stored.id)
    expect(await storage.getMedia(png.id)).toBeNull()
  })

  it('deletes a picture when no issue uses it any more (replace, delete), keeps a shared one', async () => {
    const only = await picture('png', 300, 200, { r: 1, g: 2, b: 3 })
    const first = (await storage.saveDraft(withArticle(makeIssue(2025, 1), articleWithBlocks([only, jpeg])), { media: [only, jpeg] })).issue
    const before = await mediaCount()
    // Replaced by a version without pictures: `only` goes, the JPEG stays (2024/1 uses it).
    await storage.saveDraft(makeIssue(2025, 1))
    expect(await storage.getMedia(only.id, { includeDrafts: true })).toBeNull()
    expect(await storage.getMedia(jpeg.id, { includeDrafts: true })).not.toBeNull()
    expect(await mediaCount()).toBe(before - 1)
    // Back with its picture, then deleted: gone again.
    await storage.saveDraft(withArticle(makeIssue(2025, 1), articleWithBlocks([only])), { media: [only] })
    expect(await storage.getMedia(only.id, { includeDrafts: true })).not.toBeNull()
    expect(await storage.deleteIssue(first.id)).toBe(true)
    expect(await storage.getMedia(only.id, { includeDrafts: true })).toBeNull()
    expect(await storage.getMedia(jpeg.id, { includeDrafts: true })).not.toBeNull()
  })

  it('stores no picture that no block names, and keeps a block whose picture was not given', async () => {
    const stray = await picture('png', 10, 10, { r: 9, g: 9, b: 9 })
    const missing = await picture('png', 11, 11, { r: 8, g: 8, b: 8 })
    const { issue: stored } = await storage.saveDraft(withArticle(makeIssue(2025, 7), articleWithBlocks([missing])), { media: [stray] })
    expect(await storage.getMedia(stray.id, { includeDrafts: true })).toBeNull()
    expect(await storage.getMedia(missing.id, { includeDrafts: true })).toBeNull()
    const article = stored.sections[0].items[0]
    expect(article.kind === 'article' && article.blocks?.at(-1)).toMatchObject({ kind: 'image', mediaId: missing.id })
  })
})
