/**
 * `npm run build:server`: every entry point compiled to dist/server/*.js (each file in src/server/cli/
 * included without being listed), and the compiled JavaScript runs without a TypeScript loader: the
 * server serves the seeded sample, the import CLI reads a .docx in its worker thread. `--if-stale`
 * rebuilds after a source file changed.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, startServerProcess } from '../server/support/server-process'

const OUT = path.join(ROOT, 'dist/server')

function run(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

const builtAt = () => JSON.parse(readFileSync(path.join(OUT, 'build-inputs.json'), 'utf8')).builtAt as number

describe('build:server', () => {
  beforeAll(async () => {
    const build = await run('config/build-server.js', [])
    expect(build).toMatchObject({ code: 0 })
  }, 60_000)

  it('compiles main, the worker, the import worker and every file in src/server/cli/', () => {
    const clis = readdirSync(path.join(ROOT, 'src/server/cli')).filter((f) => f.endsWith('.ts'))
    expect(clis).toEqual(expect.arrayContaining(['import.ts', 'backup.ts']))
    for (const name of ['main', 'worker-main', 'import-worker', ...clis.map((f) => f.replace(/\.ts$/, ''))]) {
      const file = path.join(OUT, `${name}.js`)
      expect(existsSync(file)).toBe(true)
      expect(readFileSync(file, 'utf8')).not.toMatch(/require\("tsx/)
    }
  })

  it('has npm start, the server, the worker and every CLI run the compiled JavaScript, with no TypeScript loader', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    const runTime = { start: 'main', server: 'main', worker: 'worker-main', import: 'import', editors: 'editors', backup: 'backup', restore: 'backup' }
    for (const [script, entry] of Object.entries(runTime)) {
      expect({ script, runs: scripts[script] }).toEqual({ script, runs: expect.stringContaining(`node dist/server/${entry}.js`) })
      expect({ script, runs: scripts[script] }).toEqual({ script, runs: expect.not.stringMatching(/\btsx\b|ts-node|--import|--loader/) })
    }
  })

  it('runs the compiled server: it seeds the sample and serves the API', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-built-'))
    const server = await startServerProcess({ DATA_DIR: dir, NOTIFY_WORKER: 'off' }, { built: true })
    try {
      const list = await (await fetch(`${server.url}api/issues`)).json()
      expect(list.items.map((i: { label: string }) => i.label)).toContain('〔2020〕第二十期')
      const search = await (await fetch(`${server.url}api/search?q=${encodeURIComponent('毕节')}`)).json()
      expect(search.total).toBeGreaterThan(0)
    } finally {
      await new Promise((resolve) => {
        server.child.removeAllListeners('exit')
        server.child.once('exit', resolve)
        server.child.kill('SIGTERM')
      })
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('runs the compiled import CLI, whose worker thread reads a .docx', async () => {
    const dryRun = await run('dist/server/import.js', ['--dry-run', '--json', 'tests/fixtures/corpus/word-table-photo.docx'])
    expect(dryRun.stderr).toBe('')
    expect(dryRun.code).toBe(0)
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ masthead: '工会信息', year: 2023 })
  })

  it('--if-stale leaves a fresh build alone and rebuilds after a source file changed', async () => {
    const before = builtAt()
    expect(await run('config/build-server.js', ['--if-stale'])).toMatchObject({ code: 0, stderr: '' })
    expect(builtAt()).toBe(before)
    // A source newer than the build, told through the build's record rather than by touching a file
    // in src/: a touched source would make the weapp suites running beside this one rebuild dist/weapp.
    const record = path.join(ROOT, 'dist/server/build-inputs.json')
    writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), builtAt: 0 }))
    const rebuilt = await run('config/build-server.js', ['--if-stale'])
    expect(rebuilt.code).toBe(0)
    expect(rebuilt.stderr).toMatch(/build:server: \d+ entry points/)
    expect(builtAt()).toBeGreaterThan(before)
  }, 60_000)
})
