/**
 * The importer's command line:
 *
 *   npm run --silent import -- --dry-run --json FILE…
 *
 * --json prints exactly the Issue as JSON on stdout (an array of Issues for several files), nothing
 * else. Without --json a one-line summary per file goes to stdout and warnings to stderr. A bad
 * document prints one plain line per problem on stderr (file, line, what) and exits 2. Several files
 * show a progress line each on stderr. Without --dry-run the issues are stored as drafts (one
 * transaction each) in the server's storage (DATABASE_URL, or SQLite in DATA_DIR), only when every
 * document imported.
 *
 * Exit codes: 0 done; 1 storage or configuration failed; 2 a document could not be imported or
 * stored; 64 bad usage.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Issue } from '../../core/bulletin'
import type { ImportResult } from '../../core/import'
import { importDocument } from '../import/document'

export interface CliIo {
  readFile(file: string): Promise<Uint8Array>
  stdout(text: string): void
  stderr(text: string): void
  /** Stores imported documents as drafts; loaded only when needed, so --dry-run never opens storage. */
  storeDrafts?: StoreDrafts
}

type StoreDrafts = (inputs: Array<{ fileName: string; result: ImportResult }>) => Promise<
  Array<{ fileName: string; ok: true; id: number; label: string; replaced: boolean } | { fileName: string; ok: false; errors: Array<{ code: string; line: number | null; message: string }> }>
>

async function loadStoreDrafts(): Promise<StoreDrafts> {
  const { storeDrafts } = await import('./store-drafts')
  return (inputs) => storeDrafts(inputs)
}

const USAGE = 'usage: npm run --silent import -- [--dry-run] [--json] FILE... (.md, .txt or .docx)'

interface Options {
  dryRun: boolean
  json: boolean
  files: string[]
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { dryRun: false, json: false, files: [] }
  for (const arg of argv) {
    if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--json') options.json = true
    else if (arg === '--') continue
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`
    else options.files.push(arg)
  }
  return options.files.length === 0 ? 'no file given' : options
}

const count = (issue: Issue, kind: 'article' | 'brief') => issue.sections.reduce((n, s) => n + s.items.filter((i) => i.kind === kind).length, 0)
const summary = (issue: Issue) =>
  `${issue.masthead} ${issue.label} ${issue.date}: ${issue.sections.length} sections, ${count(issue, 'article')} articles, ${count(issue, 'brief')} briefs, ${issue.warnings.length} warnings`
const at = (file: string, line: number | null) => (line === null ? file : `${file}:${line}`)

/** The file's import result, or why it could not be read at all (a string). */
async function importFile(file: string, io: CliIo): Promise<ImportResult | string> {
  let bytes: Uint8Array
  try {
    bytes = await io.readFile(file)
  } catch (error) {
    return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`
  }
  return importDocument(bytes, path.basename(file))
}

export async function runImportCli(argv: string[], io: CliIo): Promise<number> {
  const options = parseArgs(argv)
  if (typeof options === 'string') {
    io.stderr(`import: ${options}\n${USAGE}\n`)
    return 64
  }
  const issues: Issue[] = []
  const imported: Array<{ fileName: string; result: ImportResult }> = []
  let failed = 0
  for (const [index, file] of options.files.entries()) {
    const result = await importFile(file, io)
    const progress = options.files.length > 1 ? `[${index + 1}/${options.files.length}] ${file}: ` : null
    if (typeof result === 'string') {
      failed++
      if (progress) io.stderr(`${progress}failed\n`)
      io.stderr(`${file}: error: ${result}\n`)
      continue
    }
    if (!result.ok) {
      failed++
      if (progress) io.stderr(`${progress}failed, ${result.errors.length} problem(s)\n`)
      for (const e of result.errors) io.stderr(`${at(file, e.line)}: error [${e.code}]: ${e.message}\n`)
      continue
    }
    issues.push(result.issue)
    imported.push({ fileName: file, result })
    if (progress) io.stderr(`${progress}ok, ${summary(result.issue)}\n`)
    if (!options.json) {
      io.stdout(`${file}: ${summary(result.issue)}\n`)
      for (const w of result.issue.warnings) io.stderr(`${at(file, w.line)}: warning: ${w.message}\n`)
    }
  }
  if (failed > 0) return 2
  if (options.json) io.stdout(JSON.stringify(options.files.length === 1 ? issues[0] : issues, null, 2) + '\n')
  return options.dryRun ? 0 : store(imported, io)
}

async function store(imported: Array<{ fileName: string; result: ImportResult }>, io: CliIo): Promise<number> {
  let reports: Awaited<ReturnType<StoreDrafts>>
  try {
    reports = await (io.storeDrafts ?? (await loadStoreDrafts()))(imported)
  } catch (error) {
    // Configuration or database trouble: one plain paragraph, no stack trace.
    io.stderr(`import: could not store the drafts: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
  let failed = 0
  for (const report of reports) {
    if (report.ok) {
      io.stderr(`${report.fileName}: stored ${report.label} as draft #${report.id}${report.replaced ? ' (replacing the earlier draft)' : ''}\n`)
      continue
    }
    failed++
    for (const e of report.errors) io.stderr(`${at(report.fileName, e.line)}: error [${e.code}]: ${e.message}\n`)
  }
  return failed > 0 ? 2 : 0
}

if (require.main === module) {
  const io: CliIo = {
    readFile: (file) => readFile(file),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }
  runImportCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      // A bug, not a bad document: still one plain line, no stack trace.
      process.stderr.write(`import: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 70
    },
  )
}
