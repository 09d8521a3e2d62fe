/**
 * The editors' console (console/, bundled into dist/console) stays out of the mini-program: no file
 * of the weapp build carries its code or words, and the package did not grow when it came.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../client/support/server'
import { ensureWeappBuild, WEAPP } from './support/boot'

/** Strings only the console's bundle holds: its routes, its CSRF header, its name. */
const CONSOLE_MARKERS = ['/api/console', 'x-csrf-token', '编辑台', 'publish-preview']

/**
 * dist/weapp's size in bytes from `npm run build:weapp:test` just before the console was added
 * (main at e3c1146). The slack lets the reader's own small changes land; the console's bundle is
 * ~180 KB, so any of it in the package would be far over. When the reader grows on purpose, measure
 * again and raise the figure in the same commit. Raised to 484,663 when search's traditional →
 * simplified table (about 41 KB in common.js, so the reader marks 毕节 for a query of 畢節) and the
 * correction notice reached the reader; the console's own bundle is still not there. Raised to
 * 505,037 (from 485,576 measured just before) for 保存本期 and reading offline: the saved-issues
 * store, keeping pictures as files, search on the phone by scanning (not the server's index) and
 * the words of their states.
 */
const WEAPP_BYTES_BEFORE_CONSOLE = 505_037
const SLACK_BYTES = 8 * 1024

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

describe('the console is not in the mini-program', () => {
  beforeAll(() => ensureWeappBuild(), 200_000)

  it('the console itself holds every marker this test looks for (so their absence below means something)', () => {
    const console = listFiles(path.join(ROOT, 'console'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    expect(CONSOLE_MARKERS.filter((m) => !console.includes(m))).toEqual([])
  })

  it('no file of dist/weapp carries console code or words', () => {
    const hits = listFiles(WEAPP).flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      return CONSOLE_MARKERS.filter((m) => text.includes(m)).map((m) => `${path.relative(WEAPP, file)}: ${m}`)
    })
    expect(hits).toEqual([])
  })

  it('dist/weapp did not grow with the console', () => {
    const bytes = listFiles(WEAPP).reduce((sum, f) => sum + statSync(f).size, 0)
    expect(bytes).toBeLessThanOrEqual(WEAPP_BYTES_BEFORE_CONSOLE + SLACK_BYTES)
  })
})
