import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeOnEachBackend } from '../support/storages'
import { seedFromSamples } from '../../../src/server/seed'
import { openImportStore } from '../../../src/server/cli/import-store'
import { createBackend, type Backend } from '../../../src/server/server'
import { importText } from '../../../src/core/import'
import type { Storage } from '../../../src/server/storage/storage'
import { testSettings } from '../support/app'

const SAMPLES = path.join(__dirname, '../../../samples')
const SAMPLE = readFileSync(path.join(SAMPLES, 'gonghui-xinxi-2020-20.md'), 'utf8')

describeOnEachBackend('seeding and storing documents through the publishing service', (backend) => {
  let storage: Storage
  let server: Backend
  const calls: number[] = []
  beforeAll(async () => {
    storage = await backend.open()
    // The real storage, with a probe counting what runs inside each publish transaction.
    const probed: Storage = {
      ...storage,
      publishIssue: (id, opts) =>
        storage.publishIssue(id, {
          inTransaction: async (tx, issue) => {
            await opts?.inTransaction?.(tx, issue)
            calls.push(issue.id)
          },
        }),
    }
    server = createBackend({ settings: testSettings(), storage: probed, wechat: null })
  })
  afterAll(async () => {
    await server.close()
    await backend.cleanup()
  })

  it('seeds an empty database from samples/, published, and never seeds again', async () => {
    const reports = (await seedFromSamples(storage, server.publishing, SAMPLES))!
    expect(reports.length).toBeGreaterThan(0)
    expect(reports.every((r) => r.ok && r.status === 'published')).toBe(true)
    const published = await storage.listPublished(50)
    expect(published.items.map((i) => i.label)).toContain('〔2020〕第二十期')
    expect(await seedFromSamples(storage, server.publishing, SAMPLES)).toBeNull()
    calls.length = 0
  })

  it('stores drafts per document, reporting import errors and published conflicts without stopping', async () => {
    const reports = await server.publishing.storeDocuments([
      { fileName: 'a.md', result: importText(SAMPLE.replace('〔2020〕第二十期', '〔2020〕第四十期')) },
      { fileName: 'broken.md', result: importText('不是一期') },
      { fileName: 'again.md', result: importText(SAMPLE) },
    ])
    expect(reports[0]).toMatchObject({ fileName: 'a.md', ok: true, status: 'draft', replaced: false, label: '〔2020〕第四十期' })
    expect(reports[1]).toMatchObject({ fileName: 'broken.md', ok: false })
    expect(reports[2]).toMatchObject({ fileName: 'again.md', ok: false, errors: [{ code: 'published-conflict' }] })
    const published = await server.publishing.storeDocuments([{ fileName: 'a.md', result: importText(SAMPLE.replace('〔2020〕第二十期', '〔2020〕第四十期')) }], { publish: true })
    expect(published[0]).toMatchObject({ ok: true, status: 'published', replaced: true })
    expect(calls).toEqual([published[0].ok ? published[0].id : -1])
  })
})

describe("the import command line's store", () => {
  it('opens the same SQLite file the server would (DATA_DIR) and closes it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-store-'))
    const store = await openImportStore({ env: { DATA_DIR: dir }, warn: () => undefined })
    try {
      writeFileSync(path.join(dir, 'marker'), '')
      const reports = await store.store([{ fileName: 'x.md', result: importText(SAMPLE) }], { publish: false, replace: false })
      expect(reports[0]).toMatchObject({ ok: true, status: 'draft' })
      const again = await store.store([{ fileName: 'x.md', result: importText(SAMPLE) }], { publish: false, replace: false })
      expect(again[0]).toMatchObject({ ok: true, replaced: true })
      // --publish: published through the server's own publishing service (notification outbox included).
      const published = await store.store([{ fileName: 'x.md', result: importText(SAMPLE) }], { publish: true, replace: false })
      expect(published[0]).toMatchObject({ ok: true, status: 'published' })
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
