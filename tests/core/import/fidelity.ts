/**
 * An independent reading of a bulletin's body, for the fidelity tests: it knows only where the body
 * starts and ends and which markup to drop, nothing of the importer's rules.
 */
import type { Issue } from '../../../src/core/bulletin'

const HEADING = /^\s*#{1,6}\s|^\s*(〔[^〕]*〕|\[[^\]]*\]|【[^】]*】)\s*$/
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,}|—{3,})\s*$/
const ENTRY = /^\s*\d+\s*[.．、]/
const CONTENTS = /本期导读/
const DATE = /\d{4}\s*年\s*\d{1,2}\s*月|[〇零一二三四五六七八九]{4}年/
const FOOTER = /^\s*(报|发|责任编辑)\s*[：:]/

/** The body's text, markup removed, lines concatenated (so page-break newlines are gone). */
export function inputBodyText(document: string): string {
  const lines = document.split(/\r\n|\r|\n/).map((l) => l.replace(/\f/g, ''))
  const contents = lines.findIndex((l) => CONTENTS.test(l))
  let start: number
  if (contents >= 0) {
    start = lines.findIndex((l, i) => i > contents && l.trim() !== '' && !HEADING.test(l) && !ENTRY.test(l))
  } else {
    start = lines.findIndex((l) => DATE.test(l)) + 1
  }
  let end = lines.findIndex((l, i) => i >= start && FOOTER.test(l))
  if (end < 0) end = lines.length
  return lines
    .slice(start, end)
    .filter((l) => l.trim() !== '' && !HEADING.test(l) && !RULE.test(l))
    .map((l) =>
      l
        .trim()
        .replace(/\*\*/g, '')
        .replace(/^[△▲]\s*/, ''),
    )
    .join('')
}

/** Every piece of text the issue holds for its items, in order. */
export function outputPieces(issue: Issue): string[] {
  return issue.sections.flatMap((s) =>
    s.items.flatMap((item) => [
      ...(item.kind === 'article' ? [item.title, ...item.paragraphs] : [item.text]),
      ...(item.source ? [item.source.organization, item.source.author ?? ''] : []),
    ]),
  )
}

export const withoutSpace = (text: string) => text.replace(/\s+/g, '')

/** The items' text with the source written back in its parentheses, as the document prints it. */
export function outputBodyText(issue: Issue): string {
  return issue.sections
    .flatMap((s) =>
      s.items.map((item) => {
        const text = item.kind === 'article' ? item.title + item.paragraphs.join('') : item.text
        const source = item.source ? `（${item.source.organization}${item.source.author ? ' ' + item.source.author : ''}）` : ''
        return text + source
      }),
    )
    .join('')
}

/** Is `needle` a subsequence of `haystack` (every character, in order, gaps allowed)? */
export function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++
  return i === needle.length
}
