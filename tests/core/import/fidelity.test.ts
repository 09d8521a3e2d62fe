import { readdirSync } from 'node:fs'
import { inputBodyText, outputBodyText, outputPieces, withoutSpace } from './fidelity'
import { FIXTURES_DIR, importIssue, readFixture, readSample } from './support'

const documents: Array<[string, string]> = [
  ['the sample', readSample()],
  ...readdirSync(FIXTURES_DIR)
    .filter((f) => /\.(md|txt)$/.test(f))
    .map((f): [string, string] => [f, readFixture(f)]),
]

describe.each(documents)('fidelity: %s', (_name, document) => {
  const issue = importIssue(document)
  const input = inputBodyText(document)

  it('keeps every character of every article, brief and source, in order', () => {
    // Only whitespace at the seams (title | text | source) may differ; nothing else is lost or added.
    expect(withoutSpace(outputBodyText(issue))).toBe(withoutSpace(input))
  })

  it('keeps each title, paragraph, brief and source exactly as written, spaces included', () => {
    for (const piece of outputPieces(issue)) {
      for (const part of piece.split('\n')) expect(input).toContain(part)
    }
  })
})

it('fidelity covers the hand-written fixtures too', () => {
  expect(documents.length).toBeGreaterThanOrEqual(4)
})
