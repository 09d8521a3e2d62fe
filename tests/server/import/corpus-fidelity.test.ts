/**
 * Every table cell and every picture of the corpus is kept, read independently of the importer:
 * from the fixture's source (the .docx's fodt language, or the Markdown itself), in order.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Block, Issue } from '../../../src/core/bulletin'
import { blocksOf } from '../../../src/core/bulletin'
import { importDocument } from '../../../src/server/import/document'
import { issueOf } from '../../core/import/support'
import { CORPUS_DIR, corpusDocuments } from './corpus'

const MAKE_DIR = path.join(__dirname, '../../fixtures/make/docx')

/** The source's table rows (a separator row is markup) and its pictures, in order. */
function sourceOf(name: string): { rows: string[][]; pictures: number } {
  const docx = name.endsWith('.docx')
  const file = docx ? path.join(MAKE_DIR, name.replace(/\.docx$/, '.txt')) : path.join(CORPUS_DIR, name)
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : []
  const rows = lines
    .filter((l) => /^\s*\|.*\|\s*$/.test(l) && !/^\s*\|[\s:|-]+\|\s*$/.test(l))
    .map((l) =>
      l
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.replace(/\\\|/g, '|').trim()),
    )
  return { rows, pictures: lines.filter((l) => /^\s*!\[[^\]]*\]\([^)]*\)/.test(l)).length }
}

const blocks = (issue: Issue): Block[] => issue.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'article' ? blocksOf(i) : [])))

describe.each(corpusDocuments().filter((f) => !/utf16|gb18030/.test(f)))('tables and pictures kept: %s', (name) => {
  it('keeps every row and cell in order, and every picture (with its bytes, from a .docx)', async () => {
    const result = await importDocument(new Uint8Array(readFileSync(path.join(CORPUS_DIR, name))), name)
    const issue = issueOf(result)
    const expected = sourceOf(name)
    const tables = blocks(issue).flatMap((b) => (b.kind === 'table' ? b.rows : []))
    expect(tables).toEqual(expected.rows)
    const images = blocks(issue).filter((b) => b.kind === 'image')
    expect(images).toHaveLength(expected.pictures)
    if (name.endsWith('.docx') && result.ok) {
      const media = new Map((result.media ?? []).map((m) => [m.id, m]))
      for (const image of images) {
        const stored = media.get(image.kind === 'image' ? (image.mediaId ?? '') : '')
        expect(stored?.bytes.length).toBeGreaterThan(0)
        expect(stored).toMatchObject({ width: image.kind === 'image' && image.width, contentType: expect.stringMatching(/^image\/(png|jpeg)$/) })
      }
    }
  })
})

it('the corpus holds tables and pictures to check', () => {
  const all = corpusDocuments().map(sourceOf)
  expect(all.reduce((n, s) => n + s.rows.length, 0)).toBeGreaterThanOrEqual(8)
  expect(all.reduce((n, s) => n + s.pictures, 0)).toBeGreaterThanOrEqual(4)
})
