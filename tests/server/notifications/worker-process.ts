/** Spawns the compiled worker, dist/server/worker-main.js (what `npm run worker` runs; jest's global setup builds it), as a real child process. */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export const PROJECT_ROOT = path.resolve(__dirname, '../../..')

export interface WorkerProcess {
  child: ChildProcess
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['dist/server/worker-main.js'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  return { child, output: () => out, exited }
}

export async function kill9(worker: WorkerProcess) {
  worker.child.kill('SIGKILL')
  const { signal } = await worker.exited
  if (signal !== 'SIGKILL') throw new Error(`worker ended before it was killed:\n${worker.output()}`)
}
