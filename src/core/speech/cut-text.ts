/**
 * Text cut into pieces a speech engine can take: at sentence ends, each piece under a limit (WeChat's
 * 同声传译 fails above about 420 characters, error -20003). The pieces put together are the text:
 * nothing lost, nothing repeated. A sentence end inside quotes or brackets does not end the sentence
 * (他说：“好。”然后… is one); a sentence longer than the limit is cut at its clauses, and only as a
 * last resort inside a clause, never inside a number or a Latin word.
 */

export const MAX_PIECE = 399

const TERMINAL = '。！？!?；;…'
const OPENERS = '“‘「『（(《〔【['
const CLOSERS = '”’」』）)》〕】]'
const CLAUSE = '，、：,:'
/** Characters a cut never falls between: digits, Latin letters and what joins them (3.5%, 1,000, COVID-19). */
const WORDLIKE = /[0-9A-Za-z.%,\-/]/

/** Ends (exclusive offsets) where a cut may fall: after a run of terminals and the closers that follow. */
function cutPoints(text: string, marks: string, respectQuotes: boolean): number[] {
  const points: number[] = []
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (OPENERS.includes(c)) depth++
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1)
    if (!marks.includes(c)) continue
    // A decimal point or thousands separator is no clause end: 1,000 · 3.5
    if ((c === ',' || c === ':') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue
    let end = i + 1
    while (end < text.length && marks.includes(text[end])) end++
    // The closing quotes and brackets right after a sentence end belong to that sentence.
    let d = depth
    while (end < text.length && CLOSERS.includes(text[end])) {
      end++
      d = Math.max(0, d - 1)
    }
    if (respectQuotes && d > 0) {
      i = end - 1
      continue
    }
    while (end < text.length && /\s/.test(text[end])) end++
    if (end < text.length) points.push(end)
    depth = d
    i = end - 1
  }
  return points
}

function splitAt(text: string, points: number[]): string[] {
  const out: string[] = []
  let start = 0
  for (const p of points) {
    if (p > start && p < text.length) {
      out.push(text.slice(start, p))
      start = p
    }
  }
  out.push(text.slice(start))
  return out.filter((s) => s.length > 0)
}

/** Greedy: as many parts as fit in one piece. */
function pack(parts: string[], max: number): string[] {
  const out: string[] = []
  let current = ''
  for (const part of parts) {
    if (current && current.length + part.length > max) {
      out.push(current)
      current = ''
    }
    current += part
  }
  if (current) out.push(current)
  return out
}

/** Last resort: cut at `max` or before it, never between two characters of a number or word. */
function hardCut(text: string, max: number): string[] {
  const out: string[] = []
  let rest = text
  while (rest.length > max) {
    let at = max
    // Never split a surrogate pair, a number or a Latin word.
    while (at > max / 2 && ((WORDLIKE.test(rest[at - 1]) && WORDLIKE.test(rest[at])) || /[\udc00-\udfff]/.test(rest[at]))) at--
    if (at <= max / 2) at = /[\udc00-\udfff]/.test(rest[max]) ? max - 1 : max
    out.push(rest.slice(0, at))
    rest = rest.slice(at)
  }
  if (rest) out.push(rest)
  return out
}

/** One sentence too long for one piece: by sentence ends inside quotes, then clauses, then hard. */
function cutLong(sentence: string, max: number): string[] {
  if (sentence.length <= max) return [sentence]
  const inner = splitAt(sentence, cutPoints(sentence, TERMINAL, false))
  if (inner.length > 1) return inner.flatMap((s) => cutLong(s, max))
  const clauses = splitAt(sentence, cutPoints(sentence, CLAUSE, false))
  if (clauses.length > 1)
    return pack(
      clauses.flatMap((c) => (c.length > max ? hardCut(c, max) : [c])),
      max,
    )
  return hardCut(sentence, max)
}

/** The text's sentences, each at most `max` characters; joined they are the text. */
export function cutText(text: string, max = MAX_PIECE): string[] {
  if (!text) return []
  return splitAt(text, cutPoints(text, TERMINAL, true)).flatMap((s) => cutLong(s, max))
}
