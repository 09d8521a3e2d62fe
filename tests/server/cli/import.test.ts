/** The command line, run as a real process, the way an editor or a script runs it. */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importText } from '../../../src/core/import'
import { importIssue, readFixture, readSample, SAMPLE_PATH } from '../../core/import/support'
import { markdownToDocx } from '../import/make-docx'

const ROOT = path.join(__dirname, '../../..')

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}
const cli = (...args: string[]) => run('npx', ['tsx', 'src/server/cli/import.ts', ...args])

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at |Error:|node:internal/m)

describe('npm run import', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-import-cli-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('--dry-run --json prints exactly the Issue on stdout and exits 0', async () => {
    const result = await run('npm', ['run', '--silent', 'import', '--', '--dry-run', '--json', 'samples/gonghui-xinxi-2020-20.md'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const expected = importText(readSample())
    expect(expected.ok && JSON.parse(result.stdout)).toEqual(expected.ok && expected.issue)
  })

  it('imports a .docx the same way', async () => {
    const file = path.join(dir, 'issue.docx')
    writeFileSync(file, (await markdownToDocx(readSample(), 'lines')).bytes)
    const result = await cli('--dry-run', '--json', file)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual(importIssue(readSample()))
  })

  it('a bad document: one plain line per problem on stderr, naming file and line; exit 2', async () => {
    const file = path.join(dir, 'no-date.md')
    writeFileSync(file, readSample().replace('2020年7月13日', ''))
    const result = await cli('--dry-run', '--json', file)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trim().split('\n')
    expect(lines).toEqual([expect.stringMatching(/no-date\.md:5: error \[no-date\]: 第 5 行：.*日期/)])
    noStackTrace(result.stderr)
  })

  it('a binary file and a missing file are plain errors too', async () => {
    const file = path.join(dir, 'binary.md')
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0xff, 0xfe, 0, 0]))
    const result = await cli('--dry-run', '--json', file, path.join(dir, 'missing.md'))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/binary\.md:1: error \[binary\]/)
    expect(result.stderr).toMatch(/missing\.md: error: cannot read the file/)
    noStackTrace(result.stderr)
  })

  it('several files: a progress line per file on stderr and an array of Issues on stdout', async () => {
    const result = await cli('--dry-run', '--json', SAMPLE_PATH, 'tests/fixtures/gonghui-xinxi-2019-12.txt')
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^\[1\/2\] .*gonghui-xinxi-2020-20\.md: ok, .*6 articles, 8 briefs/m)
    expect(result.stderr).toMatch(/^\[2\/2\] tests\/fixtures\/gonghui-xinxi-2019-12\.txt: ok/m)
    expect(JSON.parse(result.stdout)).toEqual([importIssue(readSample()), importIssue(readFixture('gonghui-xinxi-2019-12.txt'))])
  })

  it('without --json: a summary on stdout and the warnings with their lines on stderr', async () => {
    const result = await cli('--dry-run', 'samples/gonghui-xinxi-2020-20.md')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/〔2020〕第二十期 2020-07-13: 3 sections, 6 articles, 8 briefs, 7 warnings/)
    expect(result.stderr).toMatch(/gonghui-xinxi-2020-20\.md:30: warning: .*with/)
  })

  it('without --dry-run stores each issue as a draft in the configured storage (SQLite in DATA_DIR)', async () => {
    const dataDir = path.join(dir, 'data')
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
    const first = await run('npx', ['tsx', 'src/server/cli/import.ts', 'samples/gonghui-xinxi-2020-20.md'], env)
    expect(first.code).toBe(0)
    expect(first.stderr).toMatch(/gonghui-xinxi-2020-20\.md: stored 〔2020〕第二十期 as draft #\d+\n/)
    expect(existsSync(path.join(dataDir, 'bulletin.db'))).toBe(true)
    const again = await run('npx', ['tsx', 'src/server/cli/import.ts', 'samples/gonghui-xinxi-2020-20.md'], env)
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/stored 〔2020〕第二十期 as draft #\d+ \(replacing the earlier draft\)/)
  })

  it('stores nothing when a document is bad, and reports bad configuration in plain words (exit 1)', async () => {
    const bad = path.join(dir, 'bad.md')
    writeFileSync(bad, '不是简报')
    const dataDir = path.join(dir, 'untouched')
    const refused = await run('npx', ['tsx', 'src/server/cli/import.ts', SAMPLE_PATH, bad], { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' })
    expect(refused.code).toBe(2)
    expect(existsSync(dataDir)).toBe(false)
    const misconfigured = await run('npx', ['tsx', 'src/server/cli/import.ts', SAMPLE_PATH], { ...process.env, DATA_DIR: dataDir, DATABASE_URL: 'mysql://nowhere' })
    expect(misconfigured.code).toBe(1)
    expect(misconfigured.stderr).toMatch(/could not store the drafts: .*DATABASE_URL/s)
    noStackTrace(misconfigured.stderr)
  })

  it('--dry-run never opens storage, and refuses --publish/--replace (nothing would be stored)', async () => {
    const dataDir = path.join(dir, 'dry-run-only')
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
    const dry = await run('npx', ['tsx', 'src/server/cli/import.ts', '--dry-run', SAMPLE_PATH], env)
    expect(dry.code).toBe(0)
    expect(existsSync(dataDir)).toBe(false)
    const mixed = await run('npx', ['tsx', 'src/server/cli/import.ts', '--dry-run', '--publish', SAMPLE_PATH], env)
    expect(mixed.code).toBe(64)
    expect(mixed.stderr).toMatch(/--dry-run stores nothing.*--publish.*\nusage: .*--publish.*--replace/)
    expect(existsSync(dataDir)).toBe(false)
  })

  it('--help prints the usage and what each option does, and exits 0', async () => {
    const result = await cli('--help')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^usage: .*FILE/)
    for (const option of ['--dry-run', '--json', '--publish', '--replace']) expect(result.stdout).toContain(`  ${option}  `)
  })

  it('bad usage exits 64 with the usage line', async () => {
    const result = await cli('--frobnicate')
    expect(result.code).toBe(64)
    expect(result.stderr).toMatch(/unknown option --frobnicate\nusage:/)
  })
})
