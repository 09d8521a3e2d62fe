/**
 * Starts the real backend (`tsx src/server/main.ts`) on a free loopback port with a temp DATA_DIR,
 * seeded from samples/ as on a fresh install. Used by the client, weapp and browser suites.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../../..')

export interface RunningServer {
  base: string
  dataDir: string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const main = path.join(ROOT, 'src/server/main.ts')
  if (!existsSync(main)) throw new Error(`the backend entry ${main} is missing`)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ub-client-'))
  const port = await freePort()
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [main], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const base = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the backend exited (${child.exitCode}):\n${output}`)
    try {
      const r = await fetch(base + '/healthz')
      if (r.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the backend did not answer /healthz within 30 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 150))
  }
  return {
    base,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
