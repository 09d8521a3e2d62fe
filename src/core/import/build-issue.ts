/**
 * Tokens → Issue: the header, then the contents (if any), then the body up to the footer, then the
 * footer. Warnings from every part are gathered and sorted by line.
 */
import type { ImportWarning } from '../bulletin'
import { readBody } from './body'
import { readContents, type Contents } from './contents'
import { problems } from './errors'
import { readFooter } from './footer'
import { isContentsTitle, readHeader } from './header'
import type { ImportOutline } from './outline'
import type { Stream } from './stream'
import { tokenizeBlock } from './tokenize'
import type { ImportResult } from './types'
import { warnings } from './warnings'

export function buildIssue(stream: Stream): ImportResult {
  return readIssue(stream).result
}

/** The issue, and where each of its parts was read (null when the document is no bulletin). */
export function readIssue(stream: Stream): { result: ImportResult; outline: ImportOutline | null } {
  const tokens = stream.blocks.map(tokenizeBlock)
  const head = readHeader(tokens)
  if (!head.header) return { result: { ok: false, errors: head.errors }, outline: null }

  let bodyStart = head.end
  let contents: Contents | null = null
  if (bodyStart < tokens.length && isContentsTitle(tokens[bodyStart])) {
    contents = readContents(tokens, bodyStart)
    bodyStart = contents.end
  }
  let footerStart = tokens.findIndex((t, i) => i >= bodyStart && t.kind === 'footer')
  if (footerStart < 0) footerStart = tokens.length

  const body = readBody(tokens.slice(bodyStart, footerStart), contents?.entries ?? [])
  if (body.sections.every((s) => s.items.length === 0)) {
    return { result: { ok: false, errors: [problems.noContent(tokens[bodyStart]?.line ?? null)] }, outline: null }
  }
  const footer = readFooter(tokens.slice(footerStart))

  const all: ImportWarning[] = [
    ...stream.warnings,
    ...head.warnings,
    ...(contents?.warnings ?? []),
    ...body.warnings,
    ...body.unclaimed.map((e) => warnings.contentsEntryWithoutArticle(e.line, e.number, e.title)),
    ...footer.warnings,
    ...tokens.filter((t) => t.raw.includes('\uFFFD')).map((t) => warnings.undecodable(t.line)),
    ...tokens.flatMap((t) => (t.removed ? [warnings.invisibleRemoved(t.line, t.removed)] : [])),
    ...tokens.flatMap((t) => (t.strayBold ? [warnings.strayBold(t.line)] : [])),
  ]
  // Stable sort: warnings on the same line keep the order the parts reported them in.
  all.sort((a, b) => a.line - b.line)
  const issue = { ...head.header, sections: body.sections, distribution: footer.distribution, editor: footer.editor, warnings: all }
  const where = { firstLine: tokens[bodyStart]?.line ?? null, footerLine: tokens[footerStart]?.line ?? null }
  return { result: { ok: true, issue }, outline: { facts: head.lines, body: where, sections: body.outline } }
}
