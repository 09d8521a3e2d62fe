/** Where the corpus lives and how a result is compared with its golden file. */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { DocumentImport } from '../../../src/server/import/document'

export const CORPUS_DIR = path.join(__dirname, '../../fixtures/corpus')
export const corpusDocuments = () =>
  readdirSync(CORPUS_DIR)
    .filter((f) => !f.endsWith('.json'))
    .sort()
export const goldenPath = (name: string) => path.join(CORPUS_DIR, name.replace(/\.[^.]+$/, '.expected.json'))

/** The result as JSON holds it: pictures by id, content type and size, not bytes. */
export function comparable(result: DocumentImport): unknown {
  // The stream the importer read (`source`, kept for the console's check view) is a side output: the
  // golden files hold the Issue (or the errors) and the pictures.
  const { source: _source, ...issueResult } = result as DocumentImport & { source?: unknown }
  if (!issueResult.ok || !issueResult.media) return JSON.parse(JSON.stringify(issueResult))
  const media = issueResult.media.map(({ bytes, ...rest }) => ({ ...rest, byteLength: bytes.length }))
  return JSON.parse(JSON.stringify({ ...issueResult, media }))
}
