/**
 * The source at the end of an article or brief: （市总工会生活部）, （增城区总工会 涂冬妮）. The first
 * word is the organisation; whatever follows a space is the author.
 */
import type { Source } from '../bulletin'
import { endsClosed } from '../text/punctuation'
import * as rules from './rules'

export function splitSource(text: string): { rest: string; source: Source | null } {
  const match = rules.trailingSource.exec(text)
  if (!match) return { rest: text, source: null }
  const rest = text.slice(0, match.index).trimEnd()
  // （含三等奖） right after a word is part of the sentence; a source follows a full stop or a space.
  const standsAlone = rest === '' || endsClosed(rest) || /\s$/.test(text.slice(0, match.index))
  const inner = match[1].trim()
  if (!standsAlone || inner === '') return { rest: text, source: null }
  const parts = /^(\S+)\s+(\S[\s\S]*)$/.exec(inner)
  return {
    rest,
    source: parts ? { organization: parts[1], author: parts[2] } : { organization: inner, author: null },
  }
}
