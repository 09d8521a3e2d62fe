import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeOnEachBackend } from '../support/storages'
import { seedFromSamples } from '../../../src/server/seed'
import { storeDrafts } from '../../../src/server/cli/store-drafts'
import { importDocument } from '../../../src/server/import/document'
import { importText } from '../../../src/core/import'
import type { Storage } from '../../../src/server/storage/storage'

const SAMPLES = path.join(__dirname, '../../../samples')
const SAMPLE = readFileSync(path.join(SAMPLES, 'gonghui-xinxi-2020-20.md'), 'utf8')

describeOnEachBackend('seeding and storeDrafts', (backend) => {
  let storage: Storage
  beforeAll(async () => {
    storage = await backend.open()
  })
  afterAll(async () => {
    await storage.close()
    await backend.cleanup()
  })

  it('seeds an empty database from samples/, published, and never seeds again', async () => {
    const reports = (await seedFromSamples(storage, SAMPLES, importDocument))!
    expect(reports.length).toBeGreaterThan(0)
    expect(reports.every((r) => r.ok && r.status === 'published')).toBe(true)
    const published = await storage.listPublished(50)
    expect(published.items.map((i) => i.label)).toContain('〔2020〕第二十期')
    expect(await seedFromSamples(storage, SAMPLES, importDocument)).toBeNull()
  })

  it('stores drafts per document, reporting import errors and published conflicts without stopping', async () => {
    const calls: number[] = []
    const reports = await storeDrafts(
      [
        { fileName: 'a.md', result: importText(SAMPLE.replace('〔2020〕第二十期', '〔2020〕第四十期')) },
        { fileName: 'broken.md', result: importText('不是一期') },
        { fileName: 'again.md', result: importText(SAMPLE) },
      ],
      { storage },
    )
    expect(reports[0]).toMatchObject({ fileName: 'a.md', ok: true, status: 'draft', replaced: false, label: '〔2020〕第四十期' })
    expect(reports[1]).toMatchObject({ fileName: 'broken.md', ok: false })
    expect(reports[2]).toMatchObject({ fileName: 'again.md', ok: false, errors: [{ code: 'published-conflict' }] })
    const published = await storeDrafts([{ fileName: 'a.md', result: importText(SAMPLE.replace('〔2020〕第二十期', '〔2020〕第四十期')) }], {
      storage,
      publish: true,
      onPublish: async (_trx, issue) => {
        calls.push(issue.id)
      },
    })
    expect(published[0]).toMatchObject({ ok: true, status: 'published', replaced: true })
    expect(calls).toEqual([published[0].ok ? published[0].id : -1])
  })
})

describe('storeDrafts without a storage', () => {
  it('opens the same SQLite file the server would (DATA_DIR) and closes it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-store-'))
    const saved = { ...process.env }
    try {
      process.env.DATA_DIR = dir
      delete process.env.DATABASE_URL
      writeFileSync(path.join(dir, 'marker'), '')
      const reports = await storeDrafts([{ fileName: 'x.md', result: importText(SAMPLE) }])
      expect(reports[0]).toMatchObject({ ok: true, status: 'draft' })
      const again = await storeDrafts([{ fileName: 'x.md', result: importText(SAMPLE) }])
      expect(again[0]).toMatchObject({ ok: true, replaced: true })
      // --publish: published through the server's own hooks (notification tables migrated on the way).
      const published = await storeDrafts([{ fileName: 'x.md', result: importText(SAMPLE) }], { publish: true })
      expect(published[0]).toMatchObject({ ok: true, status: 'published' })
    } finally {
      process.env = saved
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
