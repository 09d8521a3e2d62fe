import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Article, Brief, Issue } from '../../../src/core/bulletin'
import { importText, type ImportResult } from '../../../src/core/import'

export const SAMPLE_PATH = path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md')
export const FIXTURES_DIR = path.join(__dirname, '../../fixtures')

export const readSample = () => readFileSync(SAMPLE_PATH, 'utf8')
export const readFixture = (name: string) => readFileSync(path.join(FIXTURES_DIR, name), 'utf8')

/** The issue, or a test failure that shows the problems. */
export function issueOf(result: ImportResult): Issue {
  if (!result.ok) throw new Error('import failed: ' + JSON.stringify(result.errors, null, 2))
  return result.issue
}

export const importIssue = (text: string) => issueOf(importText(text))

export const articlesOf = (issue: Issue): Article[] => issue.sections.flatMap((s) => s.items.filter((i): i is Article => i.kind === 'article'))
export const briefsOf = (issue: Issue): Brief[] => issue.sections.flatMap((s) => s.items.filter((i): i is Brief => i.kind === 'brief'))

/** The 1-based line numbers of `text` that contain `needle`. */
export function linesContaining(text: string, needle: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(needle) ? [i + 1] : []))
}
