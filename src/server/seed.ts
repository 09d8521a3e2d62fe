/**
 * First start: an empty database is filled with every document in samples/, imported and published,
 * so a fresh clone shows real issues. Never touches a database that has any issue.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ImportResult } from '../core/import'
import type { Storage } from './storage/storage'
import { storeDrafts, type StoredDraftReport } from './cli/store-drafts'

const DOCUMENT = /\.(md|txt|docx)$/i

export async function seedFromSamples(
  storage: Storage,
  samplesDir: string,
  importDocument: (bytes: Uint8Array, fileName: string) => Promise<ImportResult>,
): Promise<StoredDraftReport[] | null> {
  if ((await storage.countIssues()) > 0) return null
  let files: string[]
  try {
    files = readdirSync(samplesDir).filter((f) => DOCUMENT.test(f)).sort()
  } catch {
    return []
  }
  const inputs = []
  for (const fileName of files) inputs.push({ fileName, result: await importDocument(readFileSync(path.join(samplesDir, fileName)), fileName) })
  // Seeding publishes without notifications: nobody has subscribed to an empty server.
  const reports = await storeDrafts(inputs, { storage, publish: true })
  // Several servers starting at once on one empty database all try; an issue another one has already
  // published is seeded, not a problem to report.
  return reports.filter((r) => r.ok || !r.errors.every((e) => e.code === 'published-conflict'))
}
