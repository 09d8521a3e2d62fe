/**
 * Traditional → simplified folding for search, one character at a time (畢 → 毕, 節 → 节), from the
 * table generated out of opencc-js (tools/generate-traditional-table.ts). One character always
 * becomes one character, so offsets in folded text still map back to the text as written.
 */
import { TRADITIONAL_SIMPLIFIED_PAIRS } from './traditional-table'

const BLOCK_START = 0x4e00
const BLOCK_END = 0x9fff

let table: Map<number, string> | null = null
/**
 * The same pairs for the CJK Unified Ideographs block, where nearly every character of a bulletin
 * lies, as a dense array indexed by code ('' for none): folding the text of a whole archive is a
 * hot loop, and an array read is several times cheaper than a Map lookup.
 */
let block: string[] | null = null

/** Built on first use: a module that never searches never pays for it. */
function simplifiedTable(): Map<number, string> {
  if (table) return table
  table = new Map()
  block = new Array<string>(BLOCK_END - BLOCK_START + 1).fill('')
  const chars = Array.from(TRADITIONAL_SIMPLIFIED_PAIRS)
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const code = chars[i].codePointAt(0)!
    table.set(code, chars[i + 1])
    if (code >= BLOCK_START && code <= BLOCK_END) block[code - BLOCK_START] = chars[i + 1]
  }
  return table
}

/** The simplified form of the character at `code`, or undefined when it has none of its own. */
export function simplifiedOf(code: number): string | undefined {
  if (code >= BLOCK_START && code <= BLOCK_END) {
    if (!block) simplifiedTable()
    const simplified = block![code - BLOCK_START]
    return simplified === '' ? undefined : simplified
  }
  return simplifiedTable().get(code)
}

/** Every character of `text` in its simplified form (the text's length in characters is kept). */
export function toSimplified(text: string): string {
  let out = ''
  for (const char of text) out += simplifiedOf(char.codePointAt(0)!) ?? char
  return out
}
