/**
 * The 5:4 card a chat bubble shows when a member shares an article. It is seen small (about a
 * quarter of its size), so the title is large and bold and everything else is quiet.
 */
import { box, paragraph, text, type CardElement } from './elements'
import { FONT_FAMILY } from './fonts'
import type { ArticleCardModel } from './models'
import { theme } from './theme'

export const ARTICLE_CARD_SIZE = { width: 1000, height: 800 } as const

/** The red band every card opens with: the masthead, and the issue's label on the right. */
export function mastheadBand(masthead: string, right: string, height: number, fontSize: number): CardElement {
  return box(
    { height, padding: '0 64px', alignItems: 'center', justifyContent: 'space-between', backgroundColor: theme.red, color: theme.paper },
    text({ fontSize, fontWeight: 700, letterSpacing: fontSize * 0.12 }, masthead),
    text({ fontSize: fontSize * 0.56, opacity: 0.92 }, right),
  )
}

/** A small red tag with the section's name. */
export function sectionTag(name: string, fontSize: number): CardElement {
  return box(
    { alignItems: 'center' },
    box({ width: 8, height: fontSize * 1.1, backgroundColor: theme.red, marginRight: 14 }),
    text({ fontSize, color: theme.red, fontWeight: 700, letterSpacing: 2 }, name),
  )
}

export function articleCard(m: ArticleCardModel): CardElement {
  return box(
    { width: '100%', height: '100%', flexDirection: 'column', backgroundColor: theme.paper, fontFamily: FONT_FAMILY },
    mastheadBand(m.masthead, m.issueLabel, 140, 54),
    box(
      { flexDirection: 'column', flexGrow: 1, justifyContent: 'center', padding: '0 56px 24px 64px' },
      m.section ? sectionTag(m.section, 32) : null,
      // Narrower than the column: satori lets a clamp's ellipsis stick out past the line.
      paragraph({ marginTop: 30, fontSize: 60, fontWeight: 700, lineHeight: 1.42, color: theme.ink }, 850, m.title, 3),
    ),
    box(
      { height: 118, margin: '0 64px', borderTop: `2px solid ${theme.rule}`, alignItems: 'center', justifyContent: 'space-between', color: theme.muted },
      text({ fontSize: 32, maxWidth: 560 }, m.source ?? m.masthead, 1),
      text({ fontSize: 32 }, m.date),
    ),
  )
}
