/**
 * The traditional → simplified character table, worked out from opencc-js (OpenCC's dictionaries):
 * each character of the Basic Multilingual Plane's CJK blocks is converted on its own, OpenCC's
 * standard traditional first, Hong Kong forms where that leaves it as it was (衞 → 卫, 粧 → 妆).
 *
 * Kept out: phrase-level conversions (a single character has no context), characters that become
 * more than one, compatibility ideographs (NFKC folds those first), characters outside the BMP
 * (none of them is typed by a phone's input method for a bulletin's Chinese), and the Taiwan forms
 * that would fold 著 into 着, two different words in simplified Chinese too.
 */
import * as OpenCC from 'opencc-js'

const BLOCKS: Array<[number, number]> = [
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
]

/** [traditional, simplified, traditional, simplified, …], in code point order. */
export function traditionalPairs(): string[] {
  const standard = OpenCC.Converter({ from: 't', to: 'cn' })
  const hongKong = OpenCC.Converter({ from: 'hk', to: 'cn' })
  const single = (char: string): string => {
    let out = standard(char)
    if (out === char) out = hongKong(char)
    return [...out].length === 1 ? out : char
  }
  const table = new Map<string, string>()
  for (const [first, last] of BLOCKS) {
    for (let code = first; code <= last; code++) {
      const char = String.fromCodePoint(code)
      if (char.normalize('NFKC') !== char) continue
      const out = single(char)
      if (out !== char) table.set(char, out)
    }
  }
  const pairs: string[] = []
  for (const [from, to] of table) {
    // Follow chains (薴 → 苧 → 苎) to their end, so folding twice gives what folding once gives.
    let end = to
    for (let seen = 0; table.has(end) && seen < 8; seen++) end = table.get(end)!
    if (end !== from) pairs.push(from, end)
  }
  return pairs
}
