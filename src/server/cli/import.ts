/**
 * The importer's command line:
 *
 *   npm run --silent import -- [--dry-run] [--json] [--publish] [--replace] FILE…
 *
 * --json prints exactly the Issue as JSON on stdout (an array of Issues for several files), nothing
 * else. Without --json a one-line summary per file goes to stdout and warnings to stderr. A bad
 * document prints one plain line per problem on stderr (file, line, what) and exits 2. Several files
 * show a progress line each on stderr. Without --dry-run the issues are stored as drafts (one
 * transaction each) in the server's storage (DATABASE_URL, or SQLite in DATA_DIR), only when every
 * document imported; like POST /api/admin/issues, a draft of the same year and number is replaced
 * and a published one is refused (exit 2) unless --replace is given (it then stays published, with
 * the new content, and is not announced again).
 *
 * --publish also publishes each stored issue with the server's notification hooks (one delivery per
 * member holding a subscribe credit, in the publish transaction), then shows each issue's fan-out
 * as a progress bar on stderr (redrawn in place on a terminal, a line about every second otherwise)
 * while a notification worker of its own sends them (beside the server's, safely: claims are
 * exclusive). Ctrl-C stops watching; what is unsent stays queued for the server's worker. When
 * nothing is queued (no WECHAT_TEMPLATE_NEW_ISSUE, or no member holds a credit) it says so in one
 * line. Without WECHAT_APPID/WECHAT_SECRET it sends nothing itself: the server's worker sends the
 * queued deliveries through its own local fake WeChat (see import-store.ts).
 *
 * Exit codes: 0 done; 1 storage or configuration failed; 2 a document could not be imported or
 * stored; 64 bad usage; 130 interrupted while watching a fan-out (the issues are stored and
 * published).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Issue } from '../../core/bulletin'
import type { DocumentImport } from '../import/media'
import { importDocument } from '../import/document'
import type { ImportStore, ImportStoreOptions } from './import-store'

export interface CliIo {
  readFile(file: string): Promise<Uint8Array>
  stdout(text: string): void
  stderr(text: string): void
  /** Whether stderr is a terminal (the fan-out bar is then redrawn in place). */
  stderrIsTTY?: boolean
  /** Aborted by Ctrl-C: stops watching a fan-out. */
  signal?: AbortSignal
  /** Opens the server's storage; loaded only when needed, so --dry-run never opens storage. */
  openStore?: (opts: ImportStoreOptions) => Promise<ImportStore>
}

const USAGE = 'usage: npm run --silent import -- [--dry-run] [--json] [--publish] [--replace] FILE... (.md, .txt or .docx)'

interface Options {
  dryRun: boolean
  json: boolean
  publish: boolean
  replace: boolean
  files: string[]
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { dryRun: false, json: false, publish: false, replace: false, files: [] }
  for (const arg of argv) {
    if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--json') options.json = true
    else if (arg === '--publish') options.publish = true
    else if (arg === '--replace') options.replace = true
    else if (arg === '--') continue
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`
    else options.files.push(arg)
  }
  if (options.dryRun && (options.publish || options.replace)) return '--dry-run stores nothing, so it cannot be combined with --publish or --replace'
  return options.files.length === 0 ? 'no file given' : options
}

const count = (issue: Issue, kind: 'article' | 'brief') => issue.sections.reduce((n, s) => n + s.items.filter((i) => i.kind === kind).length, 0)
const summary = (issue: Issue) =>
  `${issue.masthead} ${issue.label} ${issue.date}: ${issue.sections.length} sections, ${count(issue, 'article')} articles, ${count(issue, 'brief')} briefs, ${issue.warnings.length} warnings`
const at = (file: string, line: number | null) => (line === null ? file : `${file}:${line}`)

/** The file's import result, or why it could not be read at all (a string). */
async function importFile(file: string, io: CliIo): Promise<DocumentImport | string> {
  let bytes: Uint8Array
  try {
    bytes = await io.readFile(file)
  } catch (error) {
    return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`
  }
  return importDocument(bytes, path.basename(file))
}

const HELP = `${USAGE}
  --dry-run  read and check the documents only; store nothing
  --json     print the issues as JSON on stdout
  --publish  store and publish, then show the notifications going out
  --replace  replace an issue of the same year and number, even a published one
Problems are printed one per line as FILE:LINE: what is wrong. Exit 0 done, 1 storage or configuration, 2 a document could not be imported, 64 bad usage.
`

export async function runImportCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(HELP)
    return 0
  }
  const options = parseArgs(argv)
  if (typeof options === 'string') {
    io.stderr(`import: ${options}\n${USAGE}\n`)
    return 64
  }
  const issues: Issue[] = []
  const imported: Array<{ fileName: string; result: DocumentImport }> = []
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
  if (options.dryRun) return 0
  const { storeAndWatch } = await import('./store-and-watch')
  return storeAndWatch(imported, options, io)
}

if (require.main === module) {
  const interrupt = new AbortController()
  process.on('SIGINT', () => {
    // First Ctrl-C: stop watching cleanly; a second one: leave at once.
    if (interrupt.signal.aborted) process.exit(130)
    interrupt.abort()
  })
  const io: CliIo = {
    readFile: (file) => readFile(file),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    signal: interrupt.signal,
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
