/** The 5:4 card for sharing a whole issue: its label and date, and the first titles in it. */
import { mastheadBand } from './article-card'
import { box, text, type CardElement } from './elements'
import { FONT_FAMILY } from './fonts'
import type { IssueCardModel } from './models'
import { theme } from './theme'

export const ISSUE_CARD_SIZE = { width: 1000, height: 800 } as const

function titleRow(title: string): CardElement {
  return box(
    { alignItems: 'center', marginTop: 22 },
    box({ width: 14, height: 14, borderRadius: 7, backgroundColor: theme.red, marginRight: 22, flexShrink: 0 }),
    text({ fontSize: 40, color: theme.ink, lineHeight: 1.3, maxWidth: 830 }, title, 1),
  )
}

export function issueCard(m: IssueCardModel): CardElement {
  const counts = [`${m.articleCount} 篇文章`, m.briefCount ? `${m.briefCount} 条短波` : ''].filter(Boolean).join(' · ')
  return box(
    { width: '100%', height: '100%', flexDirection: 'column', backgroundColor: theme.paper, fontFamily: FONT_FAMILY },
    mastheadBand(m.masthead, m.date, 140, 54),
    box(
      { flexDirection: 'column', flexGrow: 1, padding: '44px 64px 0 64px' },
      text({ fontSize: 58, fontWeight: 700, color: theme.ink }, m.label),
      text({ fontSize: 30, color: theme.red, fontWeight: 700, marginTop: 26, marginBottom: 4, letterSpacing: 2 }, '本期要目'),
      ...m.titles.map(titleRow),
    ),
    box(
      { height: 104, margin: '0 64px', borderTop: `2px solid ${theme.rule}`, alignItems: 'center', justifyContent: 'space-between', color: theme.muted },
      text({ fontSize: 30, maxWidth: 560 }, m.publisher ?? m.masthead, 1),
      text({ fontSize: 30 }, counts),
    ),
  )
}
