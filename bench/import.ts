/**
 * How long the importer takes per issue, after warm-up, next to the baseline of merely reading the
 * same file from disk, both measured in this run. Target: under 5 ms per text issue. A .docx of
 * the corpus is timed too: read in this thread (mammoth + importer), and through importDocument
 * (the worker thread the server uses), beside the baseline of reading its bytes. Last, the longest
 * the event loop waited (perf_hooks' monitorEventLoopDelay) while a long .docx was imported through
 * the worker and, for comparison, read in this thread, beside the same figure while a worker thread
 * merely spins on arithmetic for as long (the baseline: what a busy second thread and the machine's
 * load cost the loop by themselves). Target: about 50 ms at most.
 *
 *   npm run bench:import
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import path from 'node:path'
import { importText } from '../src/core/import'
import { importDocument } from '../src/server/import/document'
import { readDocument } from '../src/server/import/read-document'
import { longBulletin, markdownToDocx } from '../tests/server/import/make-docx'

const SAMPLE = path.join(__dirname, '../samples/gonghui-xinxi-2020-20.md')
const DOCX = path.join(__dirname, '../tests/fixtures/corpus/word-pictures.docx')
const TARGET_MS = 5
const LOOP_TARGET_MS = 50
const LONG_PARAGRAPHS = 1500

/** Median per-operation time over `batches` batches of `size` runs, in milliseconds. */
function measure(operation: () => unknown, batches = 15, size = 200, warm = 300): number {
  for (let i = 0; i < warm; i++) operation() // warm-up: let the JIT settle
  const perOp: number[] = []
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < size; i++) operation()
    perOp.push(Number(process.hrtime.bigint() - start) / 1e6 / size)
  }
  perOp.sort((a, c) => a - c)
  return perOp[Math.floor(perOp.length / 2)]
}

const text = readFileSync(SAMPLE, 'utf8')
const check = importText(text)
if (!check.ok) throw new Error('the sample does not import: ' + check.errors.map((e) => e.message).join('; '))

const readMs = measure(() => readFileSync(SAMPLE, 'utf8'))
const importMs = measure(() => importText(text))
const bothMs = measure(() => importText(readFileSync(SAMPLE, 'utf8')))

const fmt = (ms: number) => `${(ms * 1000).toFixed(1).padStart(8)} µs`
console.log(`bench:import  sample ${path.basename(SAMPLE)} (${text.length} characters, ${text.split('\n').length} lines)`)
console.log(`  read the file (baseline)     ${fmt(readMs)} per issue`)
console.log(`  import the text              ${fmt(importMs)} per issue  (${(importMs / readMs).toFixed(1)}× reading)`)
console.log(`  read + import                ${fmt(bothMs)} per issue`)
console.log(`  target: import < ${TARGET_MS} ms per issue → ${importMs < TARGET_MS ? 'met' : 'NOT MET'}`)

// Linear in the document's length: a text issue with 20,000 more paragraphs costs per line about
// what the sample costs per line (a look-ahead that copied the rest of the document per line made it
// quadratic once).
const huge = longBulletin(20_000)
const perLine = (ms: number, source: string) => (ms * 1000) / source.split('\n').length
const hugeMs = measure(() => importText(huge), 5, 1, 2)
const ratio = perLine(hugeMs, huge) / perLine(importMs, text)
console.log(`bench:import  a long text issue (${huge.length} characters, ${huge.split('\n').length} lines)`)
console.log(`  the sample, per line (baseline)  ${perLine(importMs, text).toFixed(2).padStart(8)} µs`)
console.log(`  the long issue, per line         ${perLine(hugeMs, huge).toFixed(2).padStart(8)} µs  (${ratio.toFixed(2)}× the sample's; ${hugeMs.toFixed(0)} ms in all)`)
console.log(`  target: per line within 3× the sample's (linear) → ${ratio <= 3 ? 'met' : 'NOT MET'}`)

/** Median wall time of running `command` to its end, in milliseconds. */
function runMs(command: string, args: string[], runs = 5): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    const done = spawnSync(command, args, { cwd: path.join(__dirname, '..'), stdio: 'ignore' })
    if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${done.status}`)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, c) => a - c)[Math.floor(runs / 2)]
}

// The command line's start: `npm run import` runs compiled JavaScript (no TypeScript loader), next
// to a bare `node` starting and stopping, and to npm itself running a no-op script.
execFileSync('node', ['config/build-server.js', '--if-stale'], { cwd: path.join(__dirname, '..'), stdio: 'ignore' })
const nodeMs = runMs('node', ['-e', '0'])
const cliMs = runMs('node', ['dist/server/import.js', '--dry-run', SAMPLE])
const npmMs = runMs('npm', ['run', '--silent', 'import', '--', '--dry-run', SAMPLE])
console.log(`bench:import  the command line's start (median of 5 runs, wall time)`)
console.log(`  node -e 0 (baseline)                 ${cliMsFmt(nodeMs)}`)
console.log(`  node dist/server/import.js --dry-run ${cliMsFmt(cliMs)}  (${(cliMs / nodeMs).toFixed(1)}× bare node)`)
console.log(`  npm run import -- --dry-run          ${cliMsFmt(npmMs)}  (npm's own start included)`)
console.log(`  target: npm run import well under a second (< 500 ms) → ${npmMs < 500 ? 'met' : 'NOT MET'}`)

function cliMsFmt(ms: number) {
  return `${ms.toFixed(0).padStart(6)} ms`
}

/** Median time of `runs` awaited runs after `warm` warm-up runs, in milliseconds. */
async function measureAsync(operation: () => Promise<unknown>, runs = 40, warm = 10): Promise<number> {
  for (let i = 0; i < warm; i++) await operation()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await operation()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, c) => a - c)
  return times[Math.floor(times.length / 2)]
}

void (async () => {
  const bytes = new Uint8Array(readFileSync(DOCX))
  const docxReadMs = measure(() => readFileSync(DOCX), 15, 50)
  const inThreadMs = await measureAsync(() => readDocument(bytes, 'issue.docx'))
  const workerMs = await measureAsync(() => importDocument(bytes, 'issue.docx'))
  console.log(`bench:import  .docx ${path.basename(DOCX)} (${bytes.length} bytes, 3 pictures)`)
  console.log(`  read the file (baseline)     ${fmt(docxReadMs)} per issue`)
  console.log(`  import in this thread        ${fmt(inThreadMs)} per issue  (${(inThreadMs / docxReadMs).toFixed(1)}× reading)`)
  console.log(`  importDocument (worker)      ${fmt(workerMs)} per issue  (the server's event loop is free meanwhile)`)

  const long = (await markdownToDocx(longBulletin(LONG_PARAGRAPHS), 'paragraphs')).bytes
  await importDocument(long, 'long.docx') // the worker is started and warm, as in a running server
  const inWorker = await loopDelayDuring(() => importDocument(long, 'long.docx'))
  const idle = await loopDelayDuring(() => busyWorker(inWorker.ms))
  const inThread = await loopDelayDuring(() => readDocument(long, 'long.docx'))
  const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`
  console.log(`bench:import  event loop during a long .docx import (${long.length} bytes, ${LONG_PARAGRAPHS} more paragraphs), longest wait / p99`)
  console.log(`  a worker busy on arithmetic, same time (baseline)  ${ms(idle.max)} / ${ms(idle.p99)}  over ${ms(idle.ms)}`)
  console.log(`  importDocument (worker)                            ${ms(inWorker.max)} / ${ms(inWorker.p99)}  over ${ms(inWorker.ms)}`)
  console.log(`  read in this thread (no worker)                    ${ms(inThread.max)} / ${ms(inThread.p99)}  over ${ms(inThread.ms)}`)
  const met = inWorker.max <= LOOP_TARGET_MS || inWorker.max <= idle.max * 1.5
  console.log(`  target: longest wait ≤ ~${LOOP_TARGET_MS} ms (or within 1.5× the baseline on a loaded machine) → ${met ? 'met' : 'NOT MET'}`)
})()

/** A worker thread that keeps one core busy for `ms` milliseconds, doing nothing the loop waits on. */
function busyWorker(ms: number): Promise<void> {
  const spin = `const end = Date.now() + ${Math.round(ms)}; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1)`
  const worker = new Worker(spin, { eval: true })
  return new Promise((resolve, reject) => worker.on('exit', () => resolve()).on('error', reject))
}

/** The event loop's longest and 99th-percentile wait while `operation` runs, and how long it ran. */
async function loopDelayDuring(operation: () => Promise<unknown>): Promise<{ max: number; p99: number; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  const start = process.hrtime.bigint()
  await operation()
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  // A wait is recorded when the loop gets back to the histogram's timer: let it, before stopping.
  await new Promise((resolve) => setTimeout(resolve, 20))
  histogram.disable()
  return { max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6, ms }
}
