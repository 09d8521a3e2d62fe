/**
 * The server's side of the search thread (./search-thread.ts): keeps its index at the published
 * version asked for, and asks it for pages of answers. The documents are read here (storage belongs
 * to this thread) and posted in batches, a turn of the event loop apart, so that no single copy into
 * the thread holds up other requests. A thread that dies (out of memory, say) fails what it was
 * asked; the next ask starts a new one and indexes again.
 */
import { Worker } from 'node:worker_threads'
import type { SearchFilters } from '../../core/api'
import type { SearchDocument, SearchQuery } from '../../core/search'
import { threadSource } from '../thread-source'
import type { FromSearchThread, SearchThreadData, ToSearchThread } from './search-thread'

export interface ThreadAnswer {
  total: number
  /** How many hits the page holds. */
  count: number
  /** The page's SearchHit[] as JSON. */
  hitsJson: string
}

export interface SearchIndexThread {
  /** Resolves once the thread's index is of `version`, reading the documents only if it must. */
  ensure(version: number, readDocuments: () => Promise<SearchDocument[]>): Promise<void>
  /** The years and sections of the index of `version`, once it is ready; null before, or for another version. */
  filters(version: number): SearchFilters | null
  /** A page of answers from the index of `version`; null when the thread has moved on to another. */
  search(version: number, query: SearchQuery): Promise<ThreadAnswer | null>
  close(): Promise<void>
}

const BATCH = 500

export function openSearchIndexThread(data: SearchThreadData = {}): SearchIndexThread {
  let worker: Worker | null = null
  let loaded: number | null = null
  let loadedFilters: SearchFilters | null = null
  let loading: { version: number; promise: Promise<void> } | null = null
  let nextId = 1
  const asked = new Map<number, { resolve: (answer: ThreadAnswer | null) => void; reject: (error: Error) => void }>()
  let building: { version: number; resolve: () => void; reject: (error: Error) => void } | null = null
  let closed = false
  /** The newest version asked for: an index is never built for an older one. */
  let newest = -Infinity

  // Idle, the thread does not keep the process alive; asked something, it does until it answers.
  const busy = () => (asked.size > 0 || building !== null ? worker?.ref() : worker?.unref())

  function start(): Worker {
    const started = new Worker(threadSource(__filename, __dirname, 'search-thread'), {
      eval: true,
      workerData: data,
      // Bounded: a build past it ends the thread (the "stopped" path above), not the process.
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    })
    started.unref()
    started.on('message', (message: FromSearchThread) => {
      if (message.type === 'ready' || message.type === 'failed') {
        const done = building?.version === message.version ? building : null
        if (!done) return
        building = null
        if (message.type === 'ready') {
          loaded = message.version
          loadedFilters = message.filters
          done.resolve()
        } else done.reject(new Error(`the search index could not be built: ${message.message}`))
      } else {
        const request = asked.get(message.id)
        if (!request) return
        asked.delete(message.id)
        if (message.type === 'answer') request.resolve({ total: message.total, count: message.count, hitsJson: message.hitsJson })
        else if (message.type === 'stale') request.resolve(null)
        else request.reject(new Error(`search failed: ${message.message}`))
      }
      busy()
    })
    const lost = (why: string) => {
      if (worker !== started) return
      worker = null
      loaded = null
      loading = null
      const error = new Error(`the search thread stopped (${why})`)
      for (const [id, request] of asked) {
        asked.delete(id)
        request.reject(error)
      }
      building?.reject(error)
      building = null
    }
    started.on('error', (error) => lost(error.message))
    started.on('exit', (code) => lost(`exit ${code}`))
    return started
  }

  const send = (message: ToSearchThread) => {
    if (closed) throw new Error('the search thread is closed')
    worker ??= start()
    worker.postMessage(message)
  }

  async function load(version: number, readDocuments: () => Promise<SearchDocument[]>): Promise<void> {
    const documents = await readDocuments()
    // A newer version was asked for while these were read: its load builds the index; this one
    // stops here, and whoever asked for it is answered as stale and asks again.
    if (version < newest) return
    const built = new Promise<void>((resolve, reject) => {
      building?.reject(new Error('a newer version is being indexed'))
      building = { version, resolve, reject }
    })
    // A newer version being indexed supersedes this one: its rejection is not left unhandled.
    built.catch(() => undefined)
    loaded = null
    send({ type: 'begin', version })
    busy()
    for (let at = 0; at < documents.length; at += BATCH) {
      if (at > 0) await new Promise((resolve) => setImmediate(resolve))
      // Superseded, lost or closed meanwhile: post nothing more (and never start a thread for it).
      if (building?.version !== version || !worker) return built
      send({ type: 'documents', version, documents: documents.slice(at, at + BATCH) })
    }
    send({ type: 'build', version })
    return built
  }

  return {
    ensure(version, readDocuments) {
      if (loaded === version && worker) return Promise.resolve()
      // Never go back to an older version than one already asked for: the caller is answered as
      // stale and asks again with the version it reads now.
      if (version < newest) return Promise.resolve()
      newest = version
      if (loading?.version !== version) {
        const promise = load(version, readDocuments)
        loading = { version, promise }
        promise
          .finally(() => {
            if (loading?.promise === promise) loading = null
          })
          .catch(() => undefined)
      }
      return loading!.promise
    },
    filters: (version) => (loaded === version && worker ? loadedFilters : null),
    search(version, query) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        asked.set(id, { resolve, reject })
        try {
          send({ type: 'search', id, version, query })
        } catch (error) {
          asked.delete(id)
          return reject(error)
        }
        busy()
      })
    },
    async close() {
      closed = true
      const running = worker
      worker = null
      // What it was asked is answered now, in words, not left waiting on a thread that is gone.
      const error = new Error('the search thread is closed')
      for (const [id, request] of asked) {
        asked.delete(id)
        request.reject(error)
      }
      building?.reject(error)
      building = null
      await running?.terminate()
    },
  }
}
