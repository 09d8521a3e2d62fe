/**
 * Traditional → simplified folding for search, one character at a time (畢 → 毕, 節 → 节), from the
 * table generated out of opencc-js (tools/generate-traditional-table.ts). One character always
 * becomes one character, so offsets in folded text still map back to the text as written.
 */
import { TRADITIONAL_SIMPLIFIED_PAIRS } from './traditional-table'

let table: Map<number, string> | null = null

/** Built on first use: a module that never searches never pays for it. */
function simplifiedTable(): Map<number, string> {
  if (table) return table
  table = new Map()
  const chars = Array.from(TRADITIONAL_SIMPLIFIED_PAIRS)
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i].codePointAt(0)!, chars[i + 1])
  return table
}

/** The simplified form of the character at `code`, or undefined when it has none of its own. */
export function simplifiedOf(code: number): string | undefined {
  return simplifiedTable().get(code)
}

/** Every character of `text` in its simplified form (the text's length in characters is kept). */
export function toSimplified(text: string): string {
  let out = ''
  for (const char of text) out += simplifiedOf(char.codePointAt(0)!) ?? char
  return out
}
