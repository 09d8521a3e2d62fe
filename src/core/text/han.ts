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
    const before = text.slice(0, start).trimEnd()
    const after = text.slice(end).trimStart()
    if (isHan(before[before.length - 1]) && isHan(after[0])) found.push({ word: match[0], index: start })
  }
  return found
}
