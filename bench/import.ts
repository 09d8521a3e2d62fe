/**
 * How long the importer takes per issue, after warm-up, next to the baseline of merely reading the
 * same file from disk, both measured in this run. Target: under 5 ms per issue.
 *
 *   npm run bench:import
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { importText } from '../src/core/import'

const SAMPLE = path.join(__dirname, '../samples/gonghui-xinxi-2020-20.md')
const TARGET_MS = 5

/** Median per-operation time over `batches` batches of `size` runs, in milliseconds. */
function measure(operation: () => unknown, batches = 15, size = 200): number {
  for (let i = 0; i < 300; i++) operation() // warm-up: let the JIT settle
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
