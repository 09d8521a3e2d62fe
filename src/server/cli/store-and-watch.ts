/**
 * The storing half of `npm run import` (loaded only without --dry-run): stores the imported
 * documents as drafts, publishes them with --publish, and follows each published issue's
 * notification fan-out on stderr. See import.ts for the command line and its exit codes.
 */
import { setMaxListeners } from 'node:events'
import type { DocumentImport } from '../import/media'
import type { CliIo } from './import'
import type { ImportStore } from './import-store'
import type { StoreProblem, StoreReport } from '../services/publishing'
import { createFanOutDisplay, type FanOutDisplay } from './fan-out-display'

type DraftInputs = Array<{ fileName: string; result: DocumentImport }>
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
const at = (file: string, line: number | null) => (line === null ? file : `${file}:${line}`)

/** Exit code: 0 done, 1 storage or configuration failed, 2 a document was refused, 130 interrupted while watching. */
export async function storeAndWatch(imported: DraftInputs, options: { publish: boolean; replace: boolean }, io: CliIo): Promise<number> {
  let activeDisplay: FanOutDisplay | null = null
  let importStore: ImportStore
  try {
    // Worker warnings go through the bar being drawn, if any, so the two do not run together.
    const warn = (text: string) => (activeDisplay ? activeDisplay.note(text) : io.stderr(`${text}\n`))
    const openStore = io.openStore ?? (await import('./import-store')).openImportStore
    importStore = await openStore({ warn })
  } catch (error) {
    // Configuration or database trouble: one plain paragraph, no stack trace.
    io.stderr(`import: could not store the drafts: ${messageOf(error)}\n`)
    return 1
  }
  try {
    const { failed, published } = await storeAll(importStore, imported, options, io)
    let interrupted = false
    for (const issue of published) {
      const display = createFanOutDisplay({ write: io.stderr, isTTY: io.stderrIsTTY ?? false, label: issue.label })
      activeDisplay = display
      const watch = await importStore
        .watchFanOut(issue.id, (counts) => display.update(counts), watchSignal(io.signal))
        .finally(() => {
          activeDisplay = null
        })
      if (watch.kind === 'nothing') {
        io.stderr(`${issue.label}: ${watch.reason}\n`)
        continue
      }
      display.finish(watch.counts, watch.how)
      if (watch.how === 'interrupted') interrupted = true
    }
    if (failed > 0) return 2
    return interrupted ? 130 : 0
  } catch (error) {
    io.stderr(`import: could not store the drafts: ${messageOf(error)}\n`)
    return 1
  } finally {
    await importStore.close()
  }
}

async function storeAll(importStore: ImportStore, imported: DraftInputs, options: { publish: boolean; replace: boolean }, io: CliIo) {
  const reports = await importStore.store(imported, { publish: options.publish, replace: options.replace })
  let failed = 0
  const published: Array<{ id: number; label: string }> = []
  for (const report of reports) {
    if (report.ok) {
      io.stderr(`${report.fileName}: ${storedLine(report)}\n`)
      if (report.publishedNow) published.push(report.issue)
      continue
    }
    failed++
    for (const e of report.errors) io.stderr(`${at(report.fileName, e.line)}: error [${e.code}]: ${problemMessage(e)}\n`)
  }
  return { failed, published }
}

/**
 * A signal for one watch, aborted with the CLI's. watchFanOut adds an abort listener at every poll
 * and leaves it there, so a long fan-out would pile them on one signal (and Node warns past 10);
 * on a signal of its own they go with the watch.
 */
function watchSignal(outer: AbortSignal | undefined): AbortSignal | undefined {
  if (!outer) return undefined
  const inner = new AbortController()
  setMaxListeners(0, inner.signal)
  if (outer.aborted) inner.abort()
  else outer.addEventListener('abort', () => inner.abort(), { once: true })
  return inner.signal
}

/** A refusal in the command line's words. */
function problemMessage(problem: StoreProblem): string {
  if (problem.code !== 'published-conflict' || !('issue' in problem)) return problem.message
  const { label, year, number } = problem.issue
  return `${label} (${year} no. ${number}) is already published; run again with --replace to replace it`
}

function storedLine(report: StoreReport & { ok: true }): string {
  if (report.status !== 'published') return `stored ${report.label} as draft #${report.id}${report.replaced ? ' (replacing the earlier draft)' : ''}`
  if (!report.publishedNow) return `replaced published issue ${report.label} #${report.id} (still published; subscribers are not notified again)`
  return `stored and published ${report.label} as #${report.id}${report.replaced ? ' (replacing the earlier draft)' : ''}`
}
