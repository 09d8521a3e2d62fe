/**
 * What each card shows, taken from the bulletin's types. Pure data: the cache key (and so the ETag)
 * is a hash of these, so a card changes exactly when something it shows changes.
 */
import type { ArticleInIssue, Source, StoredIssue } from '../../../core/bulletin'
import { sourceLine as sourceText } from '../../../core/text/source-line'

export interface ArticleCardModel {
  masthead: string
  title: string
  issueLabel: string
  date: string
  section: string
  source: string | null
}

export interface IssueCardModel {
  masthead: string
  label: string
  date: string
  publisher: string | null
  titles: string[]
  articleCount: number
  briefCount: number
}

export interface PosterModel extends ArticleCardModel {
  articleId: number
  opening: string
}

/**
 * Text as the card can draw it: emoji, format and control characters (zero-width spaces, BOMs, soft
 * hyphens from word processors), private-use symbols (Wingdings bullets in .docx files) and
 * unassigned code points have no glyph in the font and would be drawn as boxes.
 */
export function drawable(text: string): string {
  return text
    .replace(EMOJI, '')
    .replace(/[\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Emoji are left out of cards: the card font has no colour glyphs, and satori would draw each as an
 * empty box. Pictographs with their skin-tone modifiers, variation selectors and keycaps go, and flags
 * (regional indicators); ©, ® and ™, which the font has, stay.
 */
const EMOJI = /(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]|\uFE0E|\uFE0F|\u20E3/gu

/** 2020-07-13 → 2020年7月13日, as the bulletin prints it. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}

export function sourceLine(source: Source | null): string | null {
  const line = sourceText(source)
  return line === null ? null : drawable(line)
}

/** Section names are printed in brackets (〔要情动态〕); the card shows the bare name. */
const bareSection = (name: string) => name.replace(/^[〔[【（(]\s*|\s*[〕\]】）)]$/g, '')

export function articleCardModel(detail: ArticleInIssue): ArticleCardModel {
  return {
    masthead: drawable(detail.issue.masthead) || '工会信息',
    title: drawable(detail.article.title),
    issueLabel: drawable(detail.issue.label),
    date: chineseDate(detail.issue.date),
    section: drawable(bareSection(detail.section)),
    source: sourceLine(detail.article.source),
  }
}

const OPENING_CHARS = 220

export function posterModel(detail: ArticleInIssue): PosterModel {
  const opening = Array.from(drawable(detail.article.paragraphs.join('')))
    .slice(0, OPENING_CHARS)
    .join('')
  return { ...articleCardModel(detail), articleId: detail.article.id, opening }
}

export function issueCardModel(issue: StoredIssue, titleCount = 4): IssueCardModel {
  const articles = issue.sections.flatMap((s) => s.items.filter((i) => i.kind === 'article'))
  const briefs = issue.sections.flatMap((s) => s.items.filter((i) => i.kind === 'brief'))
  return {
    masthead: drawable(issue.masthead) || '工会信息',
    label: drawable(issue.label),
    date: chineseDate(issue.date),
    publisher: issue.publisher ? drawable(issue.publisher) : null,
    titles: articles.slice(0, titleCount).map((a) => (a.kind === 'article' ? drawable(a.title) : '')),
    articleCount: articles.length,
    briefCount: briefs.length,
  }
}
