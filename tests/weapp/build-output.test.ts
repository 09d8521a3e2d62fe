/** The mini-program build as WeChat DevTools would load it: every page present, package small. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../client/support/server'
import { ensureWeappBuild, WEAPP } from './support/boot'

function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const full = path.join(dir, e.name)
    return sum + (e.isDirectory() ? sizeOf(full) : statSync(full).size)
  }, 0)
}

/** The pages the app declares, read from src/app.config.ts itself. */
function declaredPages(): string[] {
  const source = readFileSync(path.join(ROOT, 'src/app.config.ts'), 'utf8')
  return [...source.matchAll(/'(pages\/[^']+)'/g)].map((m) => m[1])
}

describe('weapp build output', () => {
  beforeAll(() => ensureWeappBuild(), 200_000)

  it('app.json lists every page the app declares, home first', () => {
    const appJson = JSON.parse(readFileSync(path.join(WEAPP, 'app.json'), 'utf8'))
    const pages = declaredPages()
    expect(pages.length).toBeGreaterThanOrEqual(6)
    expect(appJson.pages).toEqual(pages)
    expect(appJson.pages[0]).toBe('pages/index/index')
  })

  it('each page has its .js, .json and .wxml', () => {
    for (const page of declaredPages()) {
      for (const ext of ['.js', '.json', '.wxml']) {
        expect({ file: page + ext, exists: existsSync(path.join(WEAPP, page + ext)) }).toEqual({ file: page + ext, exists: true })
      }
    }
  })

  it('the main package is under 2 MB (WeChat refuses more)', () => {
    const bytes = sizeOf(WEAPP)
    expect(bytes).toBeLessThan(2 * 1024 * 1024)
  })
})
