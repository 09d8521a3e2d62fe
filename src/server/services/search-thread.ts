/**
 * The search index's own thread (started by ./search-index-thread.ts). It holds the index of one
 * published version and answers queries on it. Building the index of a large archive takes seconds
 * of CPU and a heap of hundreds of megabytes; here, neither the build nor its garbage collection
 * holds up the server's event loop, which goes on answering reads meanwhile.
 *
 * Messages in: begin(version) → documents(batch)… → build → ready (with the filters) | failed; search(id, version,
 * request) → answer (the page's hits as JSON) | stale (the index is of another version).
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { SearchFilters } from '../../core/api'
import { createSearchIndex, type SearchDocument, type SearchIndex, type SearchQuery } from '../../core/search'

export type ToSearchThread =
  | { type: 'begin'; version: number }
  | { type: 'documents'; version: number; documents: SearchDocument[] }
  | { type: 'build'; version: number }
  | { type: 'search'; id: number; version: number; query: SearchQuery }

export type FromSearchThread =
  | { type: 'ready'; version: number; filters: SearchFilters }
  | { type: 'failed'; version: number; message: string }
  | { type: 'answer'; id: number; total: number; count: number; hitsJson: string }
  | { type: 'stale'; id: number }
  | { type: 'error'; id: number; message: string }

export interface SearchThreadData {
  resultCacheSize?: number
}

const port = parentPort
if (port) {
  const { resultCacheSize } = (workerData ?? {}) as SearchThreadData
  let index: { version: number; index: SearchIndex } | null = null
  let incoming: { version: number; documents: SearchDocument[] } | null = null
  const reply = (message: FromSearchThread) => port.postMessage(message)

  port.on('message', (message: ToSearchThread) => {
    switch (message.type) {
      case 'begin':
        // The index of another version answers nothing from now on: let it go before the new one
        // is built, so the thread holds one index, not two.
        index = null
        incoming = { version: message.version, documents: [] }
        return
      case 'documents':
        if (incoming?.version === message.version) for (const doc of message.documents) incoming.documents.push(doc)
        return
      case 'build': {
        if (incoming?.version !== message.version) return reply({ type: 'failed', version: message.version, message: 'documents of another version arrived' })
        try {
          index = { version: message.version, index: createSearchIndex(incoming.documents, { resultCacheSize }) }
          reply({ type: 'ready', version: message.version, filters: index.index.filters() })
        } catch (error) {
          reply({ type: 'failed', version: message.version, message: error instanceof Error ? error.message : String(error) })
        } finally {
          incoming = null
        }
        return
      }
      case 'search': {
        if (index?.version !== message.version) return reply({ type: 'stale', id: message.id })
        try {
          const { total, hits } = index.index.search(message.query)
          reply({ type: 'answer', id: message.id, total, count: hits.length, hitsJson: JSON.stringify(hits) })
        } catch (error) {
          reply({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) })
        }
      }
    }
  })
}
