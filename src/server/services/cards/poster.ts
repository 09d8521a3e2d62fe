/**
 * The tall poster a member saves or posts to Moments: the article's title and opening lines, and
 * the mini-program code that opens the article when scanned.
 */
import { sectionTag } from './article-card'
import { box, image, paragraph, text, type CardElement } from './elements'
import { FONT_FAMILY } from './fonts'
import type { PosterModel } from './models'
import { theme } from './theme'

export const POSTER_SIZE = { width: 750, height: 1334 } as const
export const POSTER_CODE_PAGE = 'pages/article/index'

/** The scene WeChat hands back on scan (≤ 32 characters); the client reads the article id from it. */
export const posterScene = (articleId: number) => `a=${articleId}`

export function poster(m: PosterModel, codePngDataUri: string): CardElement {
  return box(
    { width: '100%', height: '100%', flexDirection: 'column', backgroundColor: theme.red, fontFamily: FONT_FAMILY },
    box(
      { flexDirection: 'column', padding: '64px 56px 48px 56px', color: theme.paper },
      text({ fontSize: 76, fontWeight: 700, letterSpacing: 10 }, m.masthead),
      text({ fontSize: 28, marginTop: 18, opacity: 0.9 }, `${m.issueLabel}　${m.date}`),
    ),
    box(
      { flexDirection: 'column', flexGrow: 1, margin: '0 32px 32px 32px', padding: '44px 40px 36px 40px', backgroundColor: theme.paper, borderRadius: 20 },
      m.section ? sectionTag(m.section, 26) : null,
      paragraph({ marginTop: 24, fontSize: 46, fontWeight: 700, lineHeight: 1.42, color: theme.ink }, 600, m.title, 4),
      text({ marginTop: 28, fontSize: 29, lineHeight: 1.75, color: theme.body }, m.opening, 7),
      m.source ? text({ marginTop: 18, fontSize: 26, color: theme.muted }, `（${m.source}）`, 1) : null,
      box({ flexGrow: 1 }),
      box(
        { borderTop: `2px dashed ${theme.rule}`, paddingTop: 30, alignItems: 'center' },
        image(codePngDataUri, 190, 190),
        box(
          { flexDirection: 'column', marginLeft: 32 },
          text({ fontSize: 34, fontWeight: 700, color: theme.ink }, '长按识别小程序码'),
          text({ fontSize: 28, color: theme.muted, marginTop: 14 }, '阅读全文'),
        ),
      ),
    ),
  )
}
