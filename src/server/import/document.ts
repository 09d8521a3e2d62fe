/**
 * Any document an editor uploads (bytes + file name) → ImportResult, read in a worker thread: a
 * .docx takes mammoth hundreds of milliseconds, and the server's event loop must never wait on it.
 * One worker is started on first use and kept; it holds the process open only while it has work.
 * If it dies (a document past its memory limit), the import fails with a clear message and the
 * next import starts a new worker.
 *
 * CONTRACT: importDocument(bytes, fileName) → Promise<DocumentImport>; never throws for bad input.
 * A .docx with pictures also gives `media`: each picture's bytes, named by sha256 (see media.ts).
 */
import { Worker } from 'node:worker_threads'
import type { ImportRequest } from './import-worker'
import type { DocumentImport } from './media'
import { tooLarge, unreadable } from './read-document'
import { threadSource } from '../thread-source'

export type { DocumentImport, ImportedMedia } from './media'

type Reply = { id: number; result: DocumentImport } | { id: number; crashed: string }

let worker: Worker | null = null
let nextId = 1
const waiting = new Map<number, { fileName: string; resolve: (result: DocumentImport) => void }>()

function startWorker(): Worker {
  const started = new Worker(threadSource(__filename, __dirname, 'import-worker'), { eval: true, resourceLimits: { maxOldGenerationSizeMb: 1024 } })
  started.on('message', (reply: Reply) => {
    const request = waiting.get(reply.id)
    waiting.delete(reply.id)
    if (waiting.size === 0) started.unref()
    if (!request) return
    request.resolve('result' in reply ? reply.result : { ok: false, errors: [unreadable(request.fileName, reply.crashed)] })
  })
  const die = (why: string) => {
    if (worker === started) worker = null
    for (const [id, request] of waiting) {
      waiting.delete(id)
      request.resolve(failed(request.fileName, why))
    }
  }
  started.on('error', (error) => die(error.message))
  started.on('exit', (code) => die(`the import worker stopped (${code})`))
  return started
}

const failed = (fileName: string, why: string): DocumentImport => ({ ok: false, errors: [tooLarge(fileName, why)] })

export function importDocument(bytes: Uint8Array, fileName: string): Promise<DocumentImport> {
  worker ??= startWorker()
  const id = nextId++
  const running = worker
  return new Promise((resolve) => {
    waiting.set(id, { fileName, resolve })
    running.ref()
    running.postMessage({ id, bytes, fileName } satisfies ImportRequest)
  })
}
