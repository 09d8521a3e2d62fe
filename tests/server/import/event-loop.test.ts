/**
 * An import never holds up the server: while a long .docx is being read (mammoth and the importer,
 * in the importer's worker thread), the same server goes on answering other requests. The control
 * reads the same document in the server's own thread, where those requests wait for it.
 */
import { importDocument } from '../../../src/server/import/document'
import { readDocument } from '../../../src/server/import/read-document'
import type { ReadDocument } from '../../../src/server/services/publishing'
import { admin, buildTestApp } from '../support/app'
import { sqliteBackend } from '../support/storages'
import { longBulletin, markdownToDocx } from './make-docx'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The reader the server is given, wrapped to say when it starts and while it is still reading. */
function watched(read: ReadDocument) {
  let started!: () => void
  const state = { reading: false, started: new Promise<void>((resolve) => (started = resolve)) }
  const wrapped: ReadDocument = async (bytes, fileName) => {
    state.reading = true
    started()
    try {
      return await read(bytes, fileName)
    } finally {
      state.reading = false
    }
  }
  return { state, wrapped }
}

/** Imports `bytes` and counts the other requests the server answered while the reader was reading. */
async function answeredWhileReading(read: ReadDocument, bytes: Uint8Array): Promise<{ answered: number; status: number }> {
  const { state, wrapped } = watched(read)
  const t = await buildTestApp(sqliteBackend(), { readDocument: wrapped })
  try {
    const upload = t.inject({ method: 'POST', url: '/api/admin/issues', headers: { ...admin, 'content-type': DOCX_TYPE }, payload: Buffer.from(bytes) })
    await state.started
    let answered = 0
    while (state.reading) {
      const health = await t.inject({ url: '/healthz' })
      expect(health.statusCode).toBe(200)
      if (state.reading) answered++
    }
    return { answered, status: (await upload).statusCode }
  } finally {
    await t.close()
  }
}

describe('an import and the event loop', () => {
  it('answers other requests all the while a long .docx is read in the worker thread (and not when read in the server thread)', async () => {
    const { bytes } = await markdownToDocx(longBulletin(1500), 'paragraphs')
    const inWorker = await answeredWhileReading(importDocument, bytes)
    const inServerThread = await answeredWhileReading(readDocument, bytes)
    expect([inWorker.status, inServerThread.status]).toEqual([201, 201])
    expect(inWorker.answered).toBeGreaterThanOrEqual(20)
    // The control shows what the count measures: the same reading in the server's thread starves them.
    expect(inWorker.answered).toBeGreaterThan(5 * inServerThread.answered)
  }, 180_000)
})
