/**
 * Turns an article or brief being assembled into its final value: the source comes off the end of
 * the last paragraph, and the text is checked for what an editor should look at.
 */
import type { Article, Brief, ImportWarning, Source } from '../bulletin'
import { findStrayLatinWords } from '../text/han'
import { lastLineOf, lineAt, textOf, type ParagraphDraft } from './paragraph'
import { splitSource } from './sources'
import { warnings } from './warnings'

export interface ItemDraft {
  kind: 'article' | 'brief'
  title: string
  line: number
  paragraphs: ParagraphDraft[]
}

function takeSource(paragraphs: ParagraphDraft[]): { texts: string[]; source: Source | null; lines: ParagraphDraft[] } {
  const texts = paragraphs.map(textOf)
  if (texts.length === 0) return { texts, source: null, lines: paragraphs }
  const { rest, source } = splitSource(texts[texts.length - 1])
  if (!source) return { texts, source, lines: paragraphs }
  // A source on a line of its own leaves an empty paragraph behind: drop it.
  if (rest === '') return { texts: texts.slice(0, -1), source, lines: paragraphs.slice(0, -1) }
  texts[texts.length - 1] = rest
  return { texts, source, lines: paragraphs }
}

function strayLatin(text: string, lineOf: (index: number) => number, out: ImportWarning[]): void {
  for (const { word, index } of findStrayLatinWords(text)) {
    const context = text.slice(Math.max(0, index - 6), index + word.length + 6)
    out.push(warnings.strayLatin(lineOf(index), word, context))
  }
}

export function finishItem(draft: ItemDraft, out: ImportWarning[]): Article | Brief {
  const { texts, source, lines } = takeSource(draft.paragraphs)
  strayLatin(draft.title, () => draft.line, out)
  texts.forEach((text, i) => strayLatin(text, (index) => lineAt(lines[i], index), out))
  if (draft.kind === 'brief') return { kind: 'brief', text: texts.join('\n'), source }
  if (texts.length === 0) out.push(warnings.articleWithoutText(draft.line, draft.title))
  if (!source) {
    const last = draft.paragraphs[draft.paragraphs.length - 1]
    out.push(warnings.articleWithoutSource(last ? lastLineOf(last) : draft.line, draft.title))
  }
  return { kind: 'article', title: draft.title, paragraphs: texts, source }
}
