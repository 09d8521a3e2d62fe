/**
 * The source a worker thread is started from (`new Worker(source, { eval: true })`): the compiled
 * file beside the caller in dist/server, or, when the caller runs as TypeScript (tests, tsx), the .ts
 * file through tsx, registered inside the thread (Node 20 does not pass --import loaders on to workers).
 */
import path from 'node:path'

export function threadSource(callerFile: string, callerDir: string, name: string): string {
  if (!callerFile.endsWith('.ts')) return `require(${JSON.stringify(path.join(callerDir, `${name}.js`))})`
  const tsx = JSON.stringify(require.resolve('tsx/cjs/api'))
  return `require(${tsx}).register(); require(${JSON.stringify(path.join(callerDir, `${name}.ts`))})`
}
