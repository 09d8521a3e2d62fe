import fc from 'fast-check'
import { readdirSync } from 'node:fs'
import { importText, type ImportResult } from '../../../src/core/import'
import { isSubsequence, outputPieces, withoutSpace } from './fidelity'
import { FIXTURES_DIR, readFixture, readSample } from './support'

const CODES = ['empty', 'binary', 'no-issue-number', 'no-date', 'unreadable-docx', 'unsupported-format', 'no-content']

/** An Issue or import problems, well formed either way; never a throw. */
function expectWellFormed(result: ImportResult, input: string): void {
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0)
    for (const e of result.errors) {
      expect(CODES).toContain(e.code)
      expect(e.message.length).toBeGreaterThan(0)
      if (e.line !== null) expect(Number.isInteger(e.line) && e.line >= 1).toBe(true)
    }
    return
  }
  const { issue } = result
  expect(JSON.parse(JSON.stringify(issue))).toEqual(issue)
  expect(issue.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  expect(Number.isInteger(issue.number)).toBe(true)
  const lineCount = input.split(/\r\n|\r|\n/).length
  for (const w of issue.warnings) expect(w.line >= 1 && w.line <= lineCount).toBe(true)
  // Nothing invented or reordered: the items' characters appear in the input, in order.
  // (Markup characters are dropped on both sides: a literal ** or △ may legitimately stay in the text.)
  const plain = (text: string) => withoutSpace(text.replace(/[*△▲]/g, ''))
  expect(isSubsequence(plain(outputPieces(issue).join('')), plain(input))).toBe(true)
}

const documents = [
  readSample(),
  ...readdirSync(FIXTURES_DIR)
    .filter((f) => /\.(md|txt)$/.test(f))
    .map(readFixture),
]

// Lines that look like bulletin structure, so mutations hit the interesting rules.
const structuralLine = fc.constantFrom(
  '## 〔要情动态〕',
  '【基层动态】',
  '[信息短波]',
  '**标题**',
  '**标题** 正文，',
  '△短讯',
  '（某工会 张三）',
  '1. 标题',
  '本期导读',
  '---',
  '报：',
  '发：某某，  ',
  '责任编辑：',
  '〔2020〕第二十期',
  '2020年2月30日',
  '第期',
  '**',
  '△',
  '（）',
  '# ',
  '  ',
)
const junk = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), structuralLine)

type Mutation =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'insertChars'; at: number; column: number; text: string }
  | { op: 'insertLine'; at: number; text: string }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('insertChars' as const), at: fc.nat(), column: fc.nat(), text: junk }),
  fc.record({ op: fc.constant('insertLine' as const), at: fc.nat(), text: junk }),
)

function mutate(document: string, mutations: Mutation[]): string {
  const lines = document.split('\n')
  for (const m of mutations) {
    if (lines.length === 0) break
    const at = m.at % lines.length
    switch (m.op) {
      case 'delete':
        lines.splice(at, 1)
        break
      case 'duplicate':
        lines.splice(at, 0, lines[at])
        break
      case 'swap': {
        const other = m.other % lines.length
        ;[lines[at], lines[other]] = [lines[other], lines[at]]
        break
      }
      case 'insertLine':
        lines.splice(at, 0, m.text)
        break
      case 'insertChars': {
        const column = m.column % (lines[at].length + 1)
        lines[at] = lines[at].slice(0, column) + m.text + lines[at].slice(column)
      }
    }
  }
  return lines.join('\n')
}

describe('the importer never crashes', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        expectWellFormed(importText(text), text)
      }),
      { numRuns: 500 },
    )
  })

  it('on random lines made of bulletin structure', () => {
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n')
        expectWellFormed(importText(text), text)
      }),
      { numRuns: 500 },
    )
  })

  it('on mutated real and hand-written bulletins (lines deleted, duplicated, swapped, characters inserted)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documents), fc.array(mutation, { minLength: 1, maxLength: 8 }), (document, mutations) => {
        const text = mutate(document, mutations)
        expectWellFormed(importText(text), text)
      }),
      { numRuns: 400 },
    )
  })

  it('most mutated bulletins still import (the property is not vacuous)', () => {
    const results = fc
      .sample(fc.tuple(fc.constantFrom(...documents), fc.array(mutation, { minLength: 1, maxLength: 2 })), { numRuns: 100, seed: 42 })
      .map(([document, mutations]) => importText(mutate(document, mutations)))
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(50)
  })
})
