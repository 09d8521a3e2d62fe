/**
 * The worker thread document.ts starts: it reads documents one message at a time, so that parsing
 * a large .docx never holds up the server's event loop. Pictures' bytes are transferred, not copied.
 */
import { parentPort } from 'node:worker_threads'
import { readDocument } from './read-document'

export interface ImportRequest {
  id: number
  bytes: Uint8Array
  fileName: string
}

parentPort?.on('message', async ({ id, bytes, fileName }: ImportRequest) => {
  try {
    const result = await readDocument(bytes, fileName)
    const transfer = result.ok && result.media ? result.media.map((m) => m.bytes.buffer as ArrayBuffer) : []
    parentPort?.postMessage({ id, result }, transfer)
  } catch (error) {
    parentPort?.postMessage({ id, crashed: error instanceof Error ? error.message : String(error) })
  }
})
