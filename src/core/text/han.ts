/** Script tests for Chinese prose. */
const HAN = /\p{Script=Han}/u

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch)
}

/**
 * Lower-case Latin words standing between Chinese characters (大型企业 with 毕节): usually a slip
 * of the keyboard or of a translation tool. Upper-case words (APP, PK, K歌) are acronyms and left alone.
 * Returns each word with its index in `text`.
 */
export function findStrayLatinWords(text: string): Array<{ word: string; index: number }> {
  const found: Array<{ word: string; index: number }> = []
  const pattern = /(?<![A-Za-z0-9@._-])[a-z]{2,}(?![A-Za-z0-9@._-])/g
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0
    const end = start + match[0].length
    if (isHan(neighbour(text, start - 1, -1)) && isHan(neighbour(text, end, 1))) found.push({ word: match[0], index: start })
  }
  return found
}

/** The first non-space character from `index` going in `step` direction (a few spaces at most). */
function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  for (let i = index, seen = 0; i >= 0 && i < text.length && seen < 8; i += step, seen++) {
    if (!/\s/.test(text[i])) return text[i]
  }
  return undefined
}
