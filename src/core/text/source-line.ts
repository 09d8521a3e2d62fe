import type { Source } from '../bulletin'

/** A source as one line of text: （增城区总工会 涂冬妮） → "增城区总工会 涂冬妮"; null without one. */
export function sourceLine(source: Source | null): string | null {
  if (!source) return null
  return source.author ? `${source.organization} ${source.author}` : source.organization
}
