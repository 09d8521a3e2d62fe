/**
 * `npm run build:server`: the server's entry points compiled by esbuild into dist/server/<name>.js, so
 * `npm start`, the worker and the CLIs run plain JavaScript instead of starting a TypeScript loader.
 * Entry points: main, worker-main, the import and search threads, and every file in src/server/cli/ (a new
 * CLI is picked up without editing this file). Each is bundled with our own code (src/server,
 * src/core); everything in node_modules stays a require(), native modules (better-sqlite3, sharp,
 * pg, @resvg/resvg-js) included. The output is flat, so `__dirname` is dist/server for every entry:
 * main finds the project root two levels up as it does from src/server, and the threads' starters
 * (src/server/thread-source.ts) find import-worker.js and search-thread.js beside it.
 *
 * `--if-stale` builds only when a file the last build read changed or src/server/cli/ gained or lost
 * a file (what `npm run server`, `import` … run first; costs a few milliseconds when nothing changed).
 */
const { readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } = require('node:fs')
const path = require('node:path')

const ROOT = path.join(__dirname, '..')
const OUT = path.join(ROOT, 'dist/server')
const CLI_DIR = path.join(ROOT, 'src/server/cli')
/** What the last build read, and the entry points it had: the staleness check's record. */
const RECORD = path.join(OUT, 'build-inputs.json')

function entryPoints() {
  const entries = {
    main: 'src/server/main.ts',
    'worker-main': 'src/server/worker-main.ts',
    'import-worker': 'src/server/import/import-worker.ts',
    'search-thread': 'src/server/services/search-thread.ts',
  }
  for (const file of readdirSync(CLI_DIR).sort()) {
    if (!/\.ts$/.test(file) || /\.d\.ts$/.test(file)) continue
    const name = file.replace(/\.ts$/, '')
    if (entries[name]) throw new Error(`src/server/cli/${file}: its output dist/server/${name}.js would overwrite another entry point's`)
    entries[name] = `src/server/cli/${file}`
  }
  return entries
}

function isStale() {
  let record
  try {
    record = JSON.parse(readFileSync(RECORD, 'utf8'))
  } catch {
    return true
  }
  if (JSON.stringify(record.entries) !== JSON.stringify(entryPoints())) return true
  for (const input of record.inputs) {
    try {
      if (statSync(path.join(ROOT, input)).mtimeMs > record.builtAt) return true
    } catch {
      return true // a file the last build read is gone
    }
  }
  return false
}

async function build() {
  const esbuild = require('esbuild')
  const entries = entryPoints()
  const startedAt = Date.now()
  mkdirSync(OUT, { recursive: true })
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    write: false,
  })
  // Each file written beside its place and renamed over it: a process starting meanwhile (another
  // test suite, a second server) reads the old file or the new one, never half of one.
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.partial`
    writeFileSync(partial, file.contents)
    renameSync(partial, file.path)
  }
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'))
  writeFileSync(`${RECORD}.${process.pid}.partial`, JSON.stringify({ builtAt: startedAt, entries, inputs }, null, 1))
  renameSync(`${RECORD}.${process.pid}.partial`, RECORD)
  return Object.keys(entries).length
}

async function main() {
  if (process.argv.includes('--if-stale') && !isStale()) return
  const t0 = Date.now()
  const count = await build()
  process.stderr.write(`build:server: ${count} entry points → dist/server/ in ${Date.now() - t0} ms\n`)
}

main().catch((error) => {
  process.stderr.write(`build:server: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
