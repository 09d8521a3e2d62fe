/**
 * miniprogram-ci, WeChat's own upload tool, offline: its code-quality check (what DevTools' 代码质量
 * panel and the upload report) and its code analysis, over dist/weapp. Neither needs the network;
 * the Project wants an appid and a private key, so a throwaway key is made here (none is committed).
 */
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../client/support/server'
import { ensureWeappBuild, WEAPP } from './support/boot'

interface CiResult {
  quality: Array<{ name: string; success: boolean; text: string }>
  files: Array<{ path: string; size: number }>
}

let result: CiResult

beforeAll(() => {
  ensureWeappBuild()
  const appid = JSON.parse(readFileSync(path.join(WEAPP, 'project.config.json'), 'utf8')).appid as string
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ub-ci-'))
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const privateKeyPath = path.join(dir, `private.${appid}.key`)
  writeFileSync(privateKeyPath, privateKey, { mode: 0o600 })
  const out = execFileSync(process.execPath, [path.join(__dirname, 'support/ci-check.cjs'), JSON.stringify({ projectPath: WEAPP, appid, privateKeyPath })], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  result = JSON.parse(out.trim().split('\n').pop()!)
}, 200_000)

describe('miniprogram-ci on dist/weapp (offline)', () => {
  it('checkCodeQuality passes every check', () => {
    expect(result.quality.map((i) => i.name)).toEqual(expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN', 'CONTAINS_UNUSED_CODES']))
    expect(result.quality.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`)).toEqual([])
  })

  it('analyseCode sees every page, and the package under 500 KB', () => {
    const pages = JSON.parse(readFileSync(path.join(WEAPP, 'app.json'), 'utf8')).pages as string[]
    for (const page of pages) expect(result.files.map((f) => f.path)).toEqual(expect.arrayContaining([`${page}.js`, `${page}.wxml`, `${page}.json`]))
    expect(result.files.reduce((sum, f) => sum + f.size, 0)).toBeLessThan(500 * 1024)
  })
})
