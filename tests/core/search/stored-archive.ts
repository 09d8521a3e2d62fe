import type { StoredIssue } from '../../../src/core/bulletin'
import { makeArchive } from '../../server/support/archive'

/** The generated archive as stored, published issues, with ids as a database would give them. */
export function storedArchive(count: number, seed: number): StoredIssue[] {
  let nextId = 1
  return makeArchive(count, seed).map((issue, i) => ({
    ...issue,
    id: i + 1,
    status: 'published',
    publishedAt: '2026-01-01T00:00:00.000Z',
    importedAt: '2026-01-01T00:00:00.000Z',
    sections: issue.sections.map((s) => ({ name: s.name, items: s.items.map((item) => ({ ...item, id: nextId++ })) })),
  }))
}
