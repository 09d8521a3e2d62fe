/**
 * The importer's command line:
 *
 *   npm run --silent import -- --dry-run --json FILE…
 *
 * --json prints exactly the Issue as JSON on stdout (an array of Issues for several files), nothing
 * else. Without --json a one-line summary per file goes to stdout and warnings to stderr. A bad
 * document prints one plain line per problem on stderr (file, line, what) and exits 2. Several files
 * show a progress line each on stderr. Without --dry-run the issues would be stored as drafts; that
 * needs the backend, which is not wired yet (exit 1).
 *
 * Exit codes: 0 imported; 1 storing not available; 2 a document could not be imported; 64 bad usage.
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
    if (progress) io.stderr(`${progress}ok, ${summary(result.issue)}\n`)
    if (!options.json) {
      io.stdout(`${file}: ${summary(result.issue)}\n`)
      for (const w of result.issue.warnings) io.stderr(`${at(file, w.line)}: warning: ${w.message}\n`)
    }
  }
  if (failed > 0) return 2
  if (options.json) io.stdout(JSON.stringify(options.files.length === 1 ? issues[0] : issues, null, 2) + '\n')
  if (!options.dryRun) {
    io.stderr('import: storing drafts is not available yet; use --dry-run to check documents\n')
    return 1
  }
  return 0
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
