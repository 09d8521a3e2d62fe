/**
 * Bytes of a text file → string. Editors send UTF-8 (with or without BOM), UTF-16 from Notepad, or
 * GB18030/GBK from older Chinese Windows; try them in that order, strictly, before falling back to a
 * lenient UTF-8 decode whose replacement characters the importer will then report as binary.
 */
export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8 (lenient)'
}

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  const bomless = utf16WithoutBom(bytes)
  if (bomless) {
    const text = strict(bomless, bytes)
    if (text !== null) return { text, encoding: bomless }
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes) // drops a UTF-8 BOM by itself
  const broken = countReplacements(utf8)
  if (broken === 0) return { text: utf8, encoding: 'utf-8' }
  // A few broken sequences in otherwise good UTF-8 are damage, not another encoding: keep UTF-8
  // (the importer warns at each U+FFFD). GB18030 would decode them without error, as mojibake.
  if (broken <= 3 && broken / utf8.length < 0.001) return { text: utf8, encoding: 'utf-8 (lenient)' }
  // NUL bytes mean binary, not GB18030: leave them for the importer to report.
  if (!bytes.includes(0)) {
    const gb = strict('gb18030', bytes)
    if (gb !== null) return { text: gb, encoding: 'gb18030' }
  }
  return { text: utf8, encoding: 'utf-8 (lenient)' }
}

/**
 * UTF-16 saved without a BOM: its line breaks and ASCII are one byte and a NUL, so NULs gather on
 * the odd bytes (little-endian) or the even ones (big-endian); a Han character may add a few on
 * the other side (U+4E00 is 00 4E). A binary file has NULs on both.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  let odd = 0
  let even = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue
    if (i % 2 === 1) odd++
    else even++
  }
  const pairs = bytes.length / 2
  if (odd >= pairs * 0.02 && odd > even * 4) return 'utf-16le'
  if (even >= pairs * 0.02 && even > odd * 4) return 'utf-16be'
  return null
}

function countReplacements(text: string): number {
  let count = 0
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++
  return count
}
