/**
 * The console's accounts from the command line (same database as the server: DATABASE_URL, or
 * SQLite in DATA_DIR):
 *
 *   npm run --silent editors -- add NAME --role editor|chief --password-stdin
 *   npm run --silent editors -- list
 *   npm run --silent editors -- passwd NAME --password-stdin
 *   npm run --silent editors -- disable NAME
 *
 * The password is read from standard input (one line; never from the command line, where other
 * users and the shell's history would see it). Exit codes: 0 done; 1 storage or configuration
 * failed; 2 refused (name taken, no such account, password too short); 64 bad usage.
 */
import { loadSettings, processEnvironment, type Env } from '../config'
import { openStorage } from '../storage/open'
import { AccountError, type EditorAccounts } from '../services/editor-accounts'
import { createBackend, type Backend } from '../server'

export interface EditorsIo {
  env: Env
  readStdin(): Promise<string>
  stdout(text: string): void
  stderr(text: string): void
}

const USAGE = [
  'usage: npm run --silent editors -- add NAME --role editor|chief --password-stdin',
  '       npm run --silent editors -- list',
  '       npm run --silent editors -- passwd NAME --password-stdin',
  '       npm run --silent editors -- disable NAME',
].join('\n')

interface Command {
  verb: 'add' | 'list' | 'passwd' | 'disable'
  name: string | null
  role: string | null
}

function parseArgs(argv: string[]): Command | string {
  const args = argv.filter((a) => a !== '--')
  const [verb, ...rest] = args
  if (verb !== 'add' && verb !== 'list' && verb !== 'passwd' && verb !== 'disable') return verb ? `unknown command "${verb}"` : 'no command given'
  let role: string | null = null
  let passwordStdin = false
  const names: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (arg === '--role') {
      role = rest[++i] ?? null
      if (role === null) return '--role needs editor or chief'
    } else if (arg.startsWith('--role=')) role = arg.slice('--role='.length)
    else if (arg === '--password-stdin') passwordStdin = true
    else if (arg.startsWith('-')) return `unknown option ${arg}`
    else names.push(arg)
  }
  const wantsName = verb !== 'list'
  if (wantsName && names.length !== 1) return `${verb} takes one NAME`
  if (!wantsName && names.length > 0) return 'list takes no NAME'
  if (verb === 'add' && role === null) return 'add needs --role editor|chief'
  if (verb !== 'add' && role !== null) return `${verb} takes no --role`
  const needsPassword = verb === 'add' || verb === 'passwd'
  if (needsPassword && !passwordStdin) return `${verb} reads the password from standard input: add --password-stdin`
  if (!needsPassword && passwordStdin) return `${verb} takes no password`
  return { verb, name: names[0] ?? null, role }
}

/** The first line of standard input, without its line ending. */
const firstLine = (text: string) => text.split(/\r?\n/)[0]

async function run(command: Command, accounts: EditorAccounts, io: EditorsIo): Promise<void> {
  const { verb, name, role } = command
  if (verb === 'list') {
    const editors = await accounts.list()
    if (editors.length === 0) io.stdout('no accounts yet: npm run --silent editors -- add NAME --role editor|chief --password-stdin\n')
    for (const e of editors) io.stdout(`${e.name}\t${e.role}\t${e.disabled ? 'disabled' : 'active'}\tsince ${e.createdAt.slice(0, 10)}\n`)
  } else if (verb === 'add') {
    const editor = await accounts.add(name!, role!, firstLine(await io.readStdin()))
    io.stdout(`added ${editor.name} (${editor.role})\n`)
  } else if (verb === 'passwd') {
    await accounts.setPassword(name!, firstLine(await io.readStdin()))
    io.stdout(`changed the password of ${name}\n`)
  } else {
    const changed = await accounts.disable(name!)
    io.stdout(changed ? `disabled ${name}; its sessions have ended\n` : `${name} was disabled already\n`)
  }
}

export async function runEditorsCli(argv: string[], io: EditorsIo): Promise<number> {
  const command = parseArgs(argv)
  if (typeof command === 'string') {
    io.stderr(`editors: ${command}\n${USAGE}\n`)
    return 64
  }
  let backend: Backend
  try {
    const settings = loadSettings(io.env)
    // The composition root without WeChat: this command sends nothing.
    backend = createBackend({ settings, storage: await openStorage(settings.config), wechat: null })
  } catch (error) {
    io.stderr(`editors: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
  try {
    await run(command, backend.editorAccounts, io)
    return 0
  } catch (error) {
    io.stderr(`editors: ${error instanceof Error ? error.message : String(error)}\n`)
    return error instanceof AccountError ? 2 : 1
  } finally {
    await backend.close()
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk: string) => (text += chunk))
    process.stdin.on('end', () => resolve(text))
    process.stdin.on('error', reject)
  })
}

if (require.main === module) {
  const io: EditorsIo = { env: processEnvironment(), readStdin, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }
  runEditorsCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`editors: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 70
    },
  )
}
