/**
 * The source at the end of an article or brief: （市总工会生活部）, （增城区总工会 涂冬妮）. The first
 * word is the organisation; whatever follows a space is the author, without the role words before
 * it (通讯员, 记者, 文/图…), which are kept apart as `role`.
 */
import type { Source } from '../bulletin'
import { endsClosed } from '../text/punctuation'
import * as rules from './rules'

/** Takes the role words off the front of `text`: 供稿：越秀区总工会 → 供稿 + 越秀区总工会. */
function withoutRole(text: string): { role: string | null; rest: string } {
  const match = rules.sourceRole.exec(text)
  if (!match) return { role: null, rest: text }
  return { role: match[0].replace(/[\s\u3000：:]+$/, ''), rest: text.slice(match[0].length).trim() }
}

/** The words inside the parentheses → a Source (null if nothing is left of them). */
export function parseSource(inner: string): Source | null {
  const front = withoutRole(inner.trim())
  const parts = /^(\S+)[\s\u3000]+(\S[\s\S]*)$/.exec(front.rest)
  if (!parts) return front.rest === '' ? null : withRole({ organization: front.rest, author: null }, front.role)
  const author = withoutRole(parts[2])
  return withRole({ organization: parts[1], author: author.rest === '' ? null : author.rest }, front.role ?? author.role)
}

const withRole = (source: Source, role: string | null): Source => (role ? { ...source, role } : source)

export function splitSource(text: string): { rest: string; source: Source | null } {
  const match = rules.trailingSource.exec(text)
  if (!match) return { rest: text, source: null }
  const rest = text.slice(0, match.index).trimEnd()
  // （含三等奖） right after a word is part of the sentence; a source follows a full stop or a space.
  const standsAlone = rest === '' || endsClosed(rest) || /\s$/.test(text.slice(0, match.index))
  const source = standsAlone ? parseSource(match[1]) : null
  return source ? { rest, source } : { rest: text, source: null }
}

/** A right-aligned last line with no parentheses (越秀区总工会　张三) that reads as a source. */
export function bareSource(text: string): Source | null {
  const trimmed = text.trim()
  if (trimmed.length > 40 || /[。，；！？、：:（()）]/.test(trimmed)) return null
  return parseSource(trimmed)
}
