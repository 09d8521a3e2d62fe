/**
 * The corpus: bulletins written for the shapes real documents take (tests/fixtures/corpus), each
 * beside its expected result, NAME.expected.json (the Issue or the errors, and the pictures without
 * their bytes). A failure shows the difference field by field. After a deliberate change, rewrite
 * the golden files with UPDATE_GOLDEN=1 and read the diff before committing it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { importDocument } from '../../../src/server/import/document'
import { comparable, CORPUS_DIR, corpusDocuments, goldenPath } from './corpus'

describe.each(corpusDocuments())('corpus: %s', (name) => {
  it('imports to its golden file', async () => {
    const result = comparable(await importDocument(new Uint8Array(readFileSync(path.join(CORPUS_DIR, name))), name))
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath(name), JSON.stringify(result, null, 2) + '\n')
    expect(result).toEqual(JSON.parse(readFileSync(goldenPath(name), 'utf8')))
  })
})

it('the corpus has at least 24 bulletins, 8 of them Word files', () => {
  expect(corpusDocuments().length).toBeGreaterThanOrEqual(24)
  expect(corpusDocuments().filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(8)
})
