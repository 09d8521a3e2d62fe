/**
 * WeChat's own template and style compilers (wcc and wcsc, the Linux binaries in miniprogram-compiler)
 * over every .wxml, .wxs and .wxss file of dist/weapp: what DevTools and the upload would compile.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { ensureWeappBuild, WEAPP } from './support/boot'

/* eslint-disable @typescript-eslint/no-require-imports */
const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string): string }
// The stylesheet compiler itself: the package's wxssToJs wrapper crashes (TypeError) instead of
// passing wcsc's error on, so call the part that runs wcsc and returns its message as an Error.
const wcsc = require('miniprogram-compiler/src/wcsc') as (root: string, files: string[]) => Record<string, string> | Error
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs compiled template code as the WeChat view layer would load it (it expects a window). */
function load<T>(code: string): T {
  const context: Record<string, unknown> = { window: {}, navigator: { userAgent: 'iPhone' }, console }
  context.global = context
  return vm.runInNewContext(`(function (global) {${code}\n})(this)`, context) as T
}

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [path.relative(WEAPP, path.join(dir, e.name))] : [],
  )
}

describe("WeChat's compilers on dist/weapp", () => {
  beforeAll(() => ensureWeappBuild(), 200_000)

  it('wcc compiles every template (with utils.wxs), and each page template is there to render', () => {
    const wxml = listFiles(WEAPP, '.wxml')
    expect(wxml).toEqual(expect.arrayContaining(['base.wxml', 'comp.wxml', 'pages/index/index.wxml', 'pages/article/index.wxml']))
    // Throws with wcc's own message (file:line:column) on any error. The root must be absolute:
    // the wrapper reads each page's .json relative to it.
    const $gwx = load<(file: string) => unknown>(compiler.wxmlToJs(WEAPP))
    for (const file of wxml) expect({ file, compiled: typeof $gwx(file) }).toEqual({ file, compiled: 'function' })
  })

  it('wcsc compiles every stylesheet', () => {
    const wxss = listFiles(WEAPP, '.wxss')
    expect(wxss).toContain('app.wxss')
    const result = wcsc(
      WEAPP,
      wxss.map((f) => f.replace(/\.wxss$/, '')),
    )
    if (result instanceof Error) throw result
    for (const file of wxss) expect({ file, compiled: typeof result[file] }).toEqual({ file, compiled: 'string' })
  })

  it('they do report errors: a broken template and stylesheet fail (so a pass above means something)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-wcc-'))
    writeFileSync(path.join(dir, 'index.wxml'), '<view class="a"><text>{{ a </text></view')
    expect(() => compiler.wxmlToJs(dir)).toThrow(/index\.wxml/)
    writeFileSync(path.join(dir, 'index.wxml'), '<view/>')
    writeFileSync(path.join(dir, 'index.wxss'), '.a { color: red; } }}} .b {')
    const result = wcsc(dir, ['index'])
    expect(result).toBeInstanceOf(Error)
    expect(String((result as Error).message)).toMatch(/index\.wxss\(1:\d+\)/)
  })
})
