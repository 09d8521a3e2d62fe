/**
 * Chinese line breaking for titles. Satori breaks lines by the Unicode rules (UAX #14), which never
 * break next to a quotation mark, so 扶”专 stays together and a line before a quoted phrase ends
 * short. Chinese typesetting allows a break between any two characters except before closing
 * punctuation and after opening punctuation. When a text is all full-width (every character one em
 * wide) we know exactly how many fit on a line, so we choose the breaks ourselves by those rules
 * and hand satori the lines; texts with Latin letters or digits keep satori's breaking.
 */

const FULL_WIDTH = /^[\p{Script=Han}\u3000-\u303f\uff01-\uff60“”‘’…—·]+$/u
const NO_LINE_START = new Set([...'，。、：；！？）》」』】〕〉”’…—·％'])
const NO_LINE_END = new Set([...'（《「『【〔〈“‘'])

/**
 * The text with its line breaks chosen (joined by "\n"), or null when it is not all full-width.
 * `perLine` is how many one-em characters fit on a line.
 */
export function breakFullWidth(text: string, perLine: number): string | null {
  if (!FULL_WIDTH.test(text) || perLine < 2) return null
  const chars = Array.from(text)
  const lines: string[] = []
  let start = 0
  while (start < chars.length) {
    let end = Math.min(start + perLine, chars.length)
    // Pull characters down to the next line until the break is one Chinese typesetting allows.
    while (end < chars.length && end > start + 1 && (NO_LINE_START.has(chars[end]) || NO_LINE_END.has(chars[end - 1]))) end--
    lines.push(chars.slice(start, end).join(''))
    start = end
  }
  return lines.join('\n')
}
