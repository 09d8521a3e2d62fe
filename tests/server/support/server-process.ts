/**
 * The server as a real child process on a free port: resolves once it prints its URL, rejects with
 * what it printed if it exits first or does not start in 30 s. It runs dist/server/main.js as `npm
 * run server` does: jest's global setup (tests/support/global-setup.js) builds it when a source file
 * changed, so it is the code as it is; starting takes a fraction of what tsx compiling each process
 * takes, which on a busy machine decides whether three processes start within a test's time.
 * `{ built: false }` runs the source through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export const ROOT = path.join(__dirname, '../../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

export interface RunningServer {
  child: ChildProcess
  url: string
  output: () => string
}

export function startServerProcess(env: Record<string, string>, opts: { built?: boolean } = {}): Promise<RunningServer> {
  const [command, args] = opts.built !== false ? [process.execPath, ['dist/server/main.js']] : [TSX, ['src/server/main.ts']]
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /running at (http:\/\/[^/\s]+\/)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1], output: () => output })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}
