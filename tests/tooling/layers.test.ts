/**
 * The layer rules hold themselves: ESLint (run first by npm test) refuses an import that crosses a
 * layer. Each case lints a small file as if it stood at that path in the tree.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.join(__dirname, '../..')
const ESLINT = path.join(ROOT, 'node_modules/.bin/eslint')

/** ESLint's findings for `code` as if it were the file at `file` (the CLI, as npm test runs it). */
function problems(file: string, code: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(ESLINT, ['--format', 'json', '--stdin', '--stdin-filename', file], { cwd: ROOT })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.on('error', reject)
    child.on('close', () => {
      const [result] = JSON.parse(out) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>
      resolve(result.messages.map((m) => `${m.ruleId}: ${m.message}`))
    })
    child.stdin.end(code)
  })
}

describe('layer rules', () => {
  it.each([
    ['src/core/import/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ['src/core/search/x.ts', "import { app } from '../../server/app'\nexport const x = app"],
    ['src/components/X.tsx', "import { appStores } from '../stores/app-stores'\nexport const x = appStores"],
    ['src/components/X.tsx', "import { api } from '../services/api'\nexport const x = api"],
    ['src/components/X.tsx', "import Taro from '@tarojs/taro'\nexport const x = Taro"],
    ['src/pages/index/x.ts', "import { createServer } from '../../server/server'\nexport const x = createServer"],
    ['src/server/routes/x.ts', "import { appStores } from '../../stores/app-stores'\nexport const x = appStores"],
    ['src/server/routes/x.ts', 'export const port = process.env.PORT'],
    ['console/src/x.ts', "import { createServer } from '../../src/server/server'\nexport const x = createServer"],
    ['console/src/x.ts', "import { api } from '../../src/services/api'\nexport const x = api"],
    ['console/src/x.tsx', "import { View } from '@tarojs/components'\nexport const x = View"],
    ['src/pages/index/x.tsx', "import { View } from '@tarojs/components'\nexport const x = View"],
    ['src/pages/index/x.ts', "import { App } from '../../../console/src/App'\nexport const x = App"],
  ])('refuses what %s may not do', async (file, code) => {
    expect((await problems(file, code)).join('\n')).toMatch(/layers\/imports|no-restricted-properties|no-restricted/)
  })

  it.each([
    [
      'src/components/X.tsx',
      "import { View } from './ui'\nimport { useState } from 'react'\nimport type { Article } from '../core/bulletin'\nexport const x: Article | null = null\nexport const V = [View, useState]",
    ],
    ['src/server/config.ts', 'export const port = process.env.PORT'],
    ['src/pages/index/x.ts', "import { appStores } from '../../stores/app-stores'\nexport const x = appStores"],
    [
      'console/src/x.tsx',
      "import { useState } from 'react'\nimport type { ConsoleSession } from '@/core/console'\nexport const x: ConsoleSession | null = null\nexport const y = useState",
    ],
  ])('lets %s do what its layer may', async (file, code) => {
    expect((await problems(file, code)).filter((p) => /layers|restricted/.test(p))).toEqual([])
  })
})
