/** The mini-program build as WeChat DevTools would load it: every page listed and configured, package small. */
import { parse } from 'acorn'
import { readFileSync, readdirSync, statSync } from 'node:fs'
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

  // WeChat takes a page's title and window settings from its .json and draws it through the template
  // its .wxml imports: a setting lost in the build, or a dangling import or component, is a page that
  // opens untitled, unscrollable or blank. (Each page's script is booted in pages.test.ts.)
  it("each page's .json carries the settings its index.config.ts declares, and its template and components resolve", async () => {
    ;(globalThis as { definePageConfig?: (config: object) => object }).definePageConfig = (config) => config
    for (const page of declaredPages()) {
      const declared = (await import(path.join(ROOT, 'src', page + '.config.ts'))).default as Record<string, unknown>
      // Taro turns the share switches into the page's share handlers and leaves them out of the .json.
      const { enableShareAppMessage, enableShareTimeline, ...windowSettings } = declared
      const built = JSON.parse(readFileSync(path.join(WEAPP, page + '.json'), 'utf8'))
      expect({ page, ...built }).toMatchObject({ page, ...windowSettings })

      const dir = path.dirname(path.join(WEAPP, page))
      const wxml = readFileSync(path.join(WEAPP, page + '.wxml'), 'utf8')
      const imported = /<import src="([^"]+)"/.exec(wxml)?.[1]
      const used = /<template is="([^"]+)"/.exec(wxml)?.[1]
      expect({ page, imported: typeof imported, used: typeof used }).toEqual({ page, imported: 'string', used: 'string' })
      expect(readFileSync(path.resolve(dir, imported!), 'utf8')).toContain(`<template name="${used}"`)
      for (const component of Object.values(built.usingComponents ?? {}) as string[]) {
        expect({ page, component, json: JSON.parse(readFileSync(path.resolve(dir, component + '.json'), 'utf8')) }).toMatchObject({ page, component, json: { component: true } })
      }
    }
  })

  it('the main package is under 2 MB (WeChat refuses more)', () => {
    const bytes = sizeOf(WEAPP)
    expect(bytes).toBeLessThan(2 * 1024 * 1024)
  })

  it('the main package is under 500 KB', () => {
    expect(sizeOf(WEAPP)).toBeLessThan(500 * 1024)
  })

  it('dist/weapp/project.config.json carries the appid the build was given, not the placeholder', () => {
    const project = JSON.parse(readFileSync(path.join(WEAPP, 'project.config.json'), 'utf8'))
    expect(project).toMatchObject({ appid: 'wx0000000000000000', miniprogramRoot: './' })
    // The committed file keeps the placeholder, for `npm run dev:weapp` only.
    expect(JSON.parse(readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')).appid).toBe('touristappid')
  })

  it('app.json injects only the components a page uses (lazyCodeLoading)', () => {
    expect(JSON.parse(readFileSync(path.join(WEAPP, 'app.json'), 'utf8')).lazyCodeLoading).toBe('requiredComponents')
  })

  it('every script is ES5, as project.config.json (es6: false) and browserslist promise', () => {
    const scripts = listFiles(WEAPP).filter((f) => f.endsWith('.js'))
    expect(scripts).toContain(path.join(WEAPP, 'vendors.js'))
    for (const file of scripts) {
      let problem = null
      try {
        parse(readFileSync(file, 'utf8'), { ecmaVersion: 5 })
      } catch (error) {
        problem = (error as Error).message
      }
      expect({ file: path.relative(WEAPP, file), problem }).toEqual({ file: path.relative(WEAPP, file), problem: null })
    }
  })

  it('no code of ours calls setClipboardData (剪切板 would need a privacy-guide entry)', () => {
    const mentions = listFiles(WEAPP)
      .filter((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('setClipboardData'))
      .map((f) => path.relative(WEAPP, f))
    // taro.js names every API Taro promisifies, in one list; it calls none of them by itself.
    expect(mentions.filter((f) => f !== 'taro.js')).toEqual([])
  })
})

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}
