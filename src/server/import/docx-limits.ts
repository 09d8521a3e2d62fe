/**
 * Checks a .docx before anything parses it: a 600 KB zip can unpack to hundreds of megabytes of
 * tiny paragraphs and take the server down. The zip's central directory is read directly, and each
 * entry is really inflated with a cap (a declared size can lie), so the check costs at most the
 * limit, never the bomb.
 */
import { inflateRawSync } from 'node:zlib'

export const DOCX_LIMITS = {
  /** Everything in the zip, unpacked. Pictures are most of a real issue's size. */
  unpackedBytes: 64 * 1024 * 1024,
  /** word/document.xml, unpacked: the text. A long real issue is well under 2 MB. */
  documentXmlBytes: 16 * 1024 * 1024,
  /** Paragraphs in the document: a real issue has a few hundred. */
  paragraphs: 20_000,
  entries: 2_000,
}

export type LimitCheck = { ok: true } | { ok: false; reason: 'not-a-zip' | 'too-large' | 'too-many-paragraphs'; detail: string }

interface Entry {
  name: string
  method: number
  compressedSize: number
  localOffset: number
}

function centralDirectory(zip: Buffer): Entry[] | null {
  const from = Math.max(0, zip.length - 65_557)
  let eocd = -1
  for (let i = zip.length - 22; i >= from; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) return null
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const entries: Entry[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    })
    at += 46 + nameLength + extra
  }
  return entries
}

/** The entry's bytes, inflated up to `cap` bytes: 'too-large' past it, 'damaged' if unreadable. */
function unpack(zip: Buffer, entry: Entry, cap: number): Buffer | 'too-large' | 'damaged' {
  const header = entry.localOffset
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== 0x04034b50) return 'damaged'
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data.length <= cap ? data : 'too-large'
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) })
  } catch (error) {
    return error instanceof RangeError ? 'too-large' : 'damaged'
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

export function checkDocxLimits(bytes: Uint8Array): LimitCheck {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const entries = centralDirectory(zip)
  if (!entries) return { ok: false, reason: 'not-a-zip', detail: 'no zip directory' }
  if (entries.length > DOCX_LIMITS.entries) return { ok: false, reason: 'too-large', detail: `${entries.length} files in the zip` }
  let total = 0
  for (const entry of entries) {
    const isText = entry.name === 'word/document.xml'
    const cap = Math.min(DOCX_LIMITS.unpackedBytes - total, isText ? DOCX_LIMITS.documentXmlBytes : Infinity)
    const data = unpack(zip, entry, cap)
    if (data === 'too-large') return { ok: false, reason: 'too-large', detail: `${entry.name} unpacks to more than ${mb(cap)}` }
    if (data === 'damaged') continue // mammoth reports a damaged file in its own words
    total += data.length
    if (isText) {
      const paragraphs = countParagraphs(data)
      if (paragraphs > DOCX_LIMITS.paragraphs) return { ok: false, reason: 'too-many-paragraphs', detail: `${paragraphs} paragraphs` }
    }
  }
  return { ok: true }
}

/** `<w:p>` and `<w:p …>` openings (not <w:pPr>, <w:proofErr>). */
function countParagraphs(xml: Buffer): number {
  let count = 0
  for (let i = xml.indexOf('<w:p'); i >= 0; i = xml.indexOf('<w:p', i + 4)) {
    const next = xml[i + 4]
    if (next === 0x3e || next === 0x20 || next === 0x2f) count++ // '>', ' ', '/'
  }
  return count
}
