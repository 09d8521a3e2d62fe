/**
 * First start: an empty database is filled with every document in samples/, imported and published
 * through the publishing service, so a fresh clone shows real issues. Never touches a database that
 * has any issue.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { PublishingService, StoreReport } from './services/publishing'
import type { Storage } from './storage/storage'

const DOCUMENT = /\.(md|txt|docx)$/i

export async function seedFromSamples(storage: Storage, publishing: PublishingService, samplesDir: string): Promise<StoreReport[] | null> {
  if ((await storage.countIssues()) > 0) return null
  let files: string[]
  try {
    files = readdirSync(samplesDir)
      .filter((f) => DOCUMENT.test(f))
      .sort()
  } catch {
    return []
  }
  const inputs = []
  for (const fileName of files) inputs.push({ fileName, result: await publishing.readDocument(readFileSync(path.join(samplesDir, fileName)), fileName) })
  // Seeding publishes without announcing: nobody has subscribed to an empty server.
  const reports = await publishing.storeDocuments(inputs, { publish: true, announce: false })
  // Several servers starting at once on one empty database all try; an issue another one has already
  // published is seeded, not a problem to report.
  return reports.filter((r) => r.ok || !r.errors.every((e) => e.code === 'published-conflict'))
}
