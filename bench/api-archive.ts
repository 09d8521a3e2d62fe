/**
 * A ten-year archive for the API benchmark, generated from the real samples: every file in samples/
 * goes through the importer, then each issue is re-numbered, re-dated and its items and sentences
 * shuffled (seeded), so 500 issues have realistic Chinese text without being copies of one another.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Issue, Item } from '../src/core/bulletin'
import { importDocument } from '../src/server/import/document'

function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

const shuffleSentences = (text: string, random: () => number) => shuffle(text.split(/(?<=。)/u), random).join('')

function vary(item: Item, random: () => number): Item {
  if (item.kind === 'brief') return item
  return { ...item, paragraphs: item.paragraphs.map((p) => shuffleSentences(p, random)) }
}

export async function loadSampleIssues(samplesDir = path.join(__dirname, '../samples')): Promise<Issue[]> {
  const issues: Issue[] = []
  for (const file of readdirSync(samplesDir).filter((f) => /\.(md|txt|docx)$/i.test(f))) {
    const result = await importDocument(readFileSync(path.join(samplesDir, file)), file)
    if (result.ok) issues.push(result.issue)
  }
  if (issues.length === 0) throw new Error(`no importable sample in ${samplesDir}`)
  return issues
}

/** `count` issues, 48 a year from `firstYear`, each a shuffled variant of a sample. */
export function generateArchive(samples: Issue[], count: number, firstYear = 2016): Issue[] {
  const random = seeded(20200713)
  return Array.from({ length: count }, (_, i) => {
    const base = samples[i % samples.length]
    const year = firstYear + Math.floor(i / 48)
    const number = (i % 48) + 1
    const month = 1 + Math.floor((number - 1) / 4)
    const day = 1 + ((number - 1) % 4) * 7
    return {
      ...base,
      year,
      number,
      label: `〔${year}〕第${number}期`,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sections: base.sections.map((s) => ({ name: s.name, items: shuffle(s.items, random).map((item) => vary(item, random)) })),
    }
  })
}
