/**
 * `npm run editors` as a real process on a temp SQLite file: add, list, passwd, disable, with plain
 * messages and exit codes; then a server on the same file signs the accounts in (or not).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStorage } from '../../../src/server/storage/sqlite'
import { buildTestApp } from '../support/app'
import type { Backend } from '../support/storages'
import { signInRequest } from '../console/support'

const ROOT = path.join(__dirname, '../../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function editors(dataDir: string, args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['src/server/cli/editors.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c))
    child.stderr.on('data', (c: Buffer) => (stderr += c))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

/** The CLI's database, opened by a test server (and left for the next test). */
const sameFile = (dataDir: string): Backend => ({
  name: 'sqlite',
  describe,
  async open() {
    const storage = openSqliteStorage(path.join(dataDir, 'bulletin.db'))
    await storage.migrate()
    return storage
  },
  cleanup: async () => undefined,
})

async function canSignIn(dataDir: string, name: string, password: string): Promise<number> {
  const t = await buildTestApp(sameFile(dataDir))
  try {
    return (await t.inject(signInRequest(name, password))).statusCode
  } finally {
    await t.close()
  }
}

// Each command is a process of its own (tsx compiling on start): seconds each on a busy machine.
jest.setTimeout(120_000)

describe('npm run editors', () => {
  let dir: string
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'ub-editors-'))))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('adds accounts with the password from standard input, and lists them', async () => {
    expect(await editors(dir, ['add', '王编辑', '--role', 'editor', '--password-stdin'], 'first password\n')).toEqual({ code: 0, stdout: 'added 王编辑 (editor)\n', stderr: '' })
    expect((await editors(dir, ['add', '李主编', '--role=chief', '--password-stdin'], 'chief password')).code).toBe(0)
    const list = await editors(dir, ['list'])
    expect(list.code).toBe(0)
    expect(list.stdout.split('\n').map((l) => l.split('\t').slice(0, 3))).toEqual([['李主编', 'chief', 'active'], ['王编辑', 'editor', 'active'], ['']])
    expect(await canSignIn(dir, '王编辑', 'first password')).toBe(200)
  })

  it('refuses a taken name, a bad role and a short password with a plain line and exit 2; bad usage exits 64', async () => {
    const taken = await editors(dir, ['add', '王编辑', '--role', 'chief', '--password-stdin'], 'another password\n')
    expect(taken).toEqual({ code: 2, stdout: '', stderr: 'editors: an account named "王编辑" exists already\n' })
    const role = await editors(dir, ['add', '张三', '--role', 'boss', '--password-stdin'], 'long enough password\n')
    expect(role).toMatchObject({ code: 2, stderr: 'editors: the role must be editor or chief, not "boss"\n' })
    const short = await editors(dir, ['add', '张三', '--role', 'editor', '--password-stdin'], 'short\n')
    expect(short).toMatchObject({ code: 2, stderr: 'editors: the password must be at least 8 characters\n' })
    const usage = await editors(dir, ['add', '张三', '--role', 'editor'])
    expect(usage.code).toBe(64)
    expect(usage.stderr).toMatch(/^editors: add reads the password from standard input: add --password-stdin\nusage: /)
    for (const run of [taken, role, short, usage]) expect(run.stderr).not.toMatch(/\s+at \S+ \(/) // no stack trace
  })

  it('changes a password: the old one stops working, the new one works', async () => {
    expect(await editors(dir, ['passwd', '王编辑', '--password-stdin'], 'second password\n')).toEqual({ code: 0, stdout: 'changed the password of 王编辑\n', stderr: '' })
    expect(await canSignIn(dir, '王编辑', 'first password')).toBe(401)
    expect(await canSignIn(dir, '王编辑', 'second password')).toBe(200)
    expect(await editors(dir, ['passwd', '无此人', '--password-stdin'], 'whatever password\n')).toMatchObject({ code: 2, stderr: 'editors: there is no account named "无此人"\n' })
  })

  it('disables an account: it can no longer sign in, and the list says so', async () => {
    expect(await editors(dir, ['disable', '王编辑'])).toEqual({ code: 0, stdout: 'disabled 王编辑; its sessions have ended\n', stderr: '' })
    expect(await canSignIn(dir, '王编辑', 'second password')).toBe(401)
    expect((await editors(dir, ['list'])).stdout).toMatch(/^王编辑\teditor\tdisabled\t/m)
    expect((await editors(dir, ['disable', '王编辑'])).stdout).toBe('王编辑 was disabled already\n')
  })
})
