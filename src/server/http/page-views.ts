/**
 * The text of a reader page as plain HTML, for ./page-html.ts: what a member reads before the app's
 * script arrives, or with scripts off. Links are real links, so it is a usable page on its own.
 */
import type { ArticleDetail, IssueDetail, IssueList } from '../../core/api'

export interface PageView {
  kind: 'home' | 'article' | 'issue' | 'page' | 'not-found'
  title: string
  description: string
  /** The page's own path, for the canonical link; null for "not found". */
  path: string | null
  /** The share card, a path under /api/cards. */
  image?: string
  article?: ArticleDetail
  issue?: IssueDetail
  /** Home: a page of the newest issues; `olderPath` links the next page for a reader without scripts. */
  list?: IssueList
  olderPath?: string | null
  /** The API answer the app asks for first: its URL and the exact JSON. */
  boot?: { url: string; json: string }
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const plainSection = (name: string) => name.replace(/^[〔【[]\s*|\s*[〕】\]]$/g, '').trim()
const date = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}
// Links take the text's colour (the boot script may switch it to night mode), underlined.
const LINK = 'color:inherit;text-decoration:underline;display:inline-block;min-height:44px;line-height:44px;margin-right:20px'
const WEEKDAYS = '日一二三四五六'
/** As the app's home list writes it (dayjs zh-cn 'YYYY年M月D日 dddd'), so nothing changes when it takes over. */
const dateWithWeekday = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${date(iso)} 星期${WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()]}` : iso
}
const homeLink = `<a href="/" style="${LINK}">返回首页</a>`

function articleBody({ article, issue, section }: ArticleDetail): string {
  const source = article.source ? `　${article.source.organization}${article.source.author ? ' ' + article.source.author : ''}` : ''
  return [
    `<nav>${homeLink}<a href="/issues/${issue.id}" style="${LINK}">${escapeHtml(issue.label)}</a></nav>`,
    `<article><p style="margin:0;color:#4d4d4d">${escapeHtml(issue.masthead)} ${escapeHtml(issue.label)} · ${escapeHtml(plainSection(section))}</p>`,
    `<h1 style="font-size:1.25em;line-height:1.5;margin:4px 0 6px">${escapeHtml(article.title)}</h1>`,
    `<p style="margin:0 0 16px;color:#4d4d4d">${escapeHtml(date(issue.date))}${escapeHtml(source)}</p>`,
    ...article.paragraphs.map((p) => `<p style="text-indent:2em;line-height:1.8;margin:0 0 14px">${escapeHtml(p)}</p>`),
    '</article>',
  ].join('')
}

function issueBody(issue: IssueDetail): string {
  const sections = issue.sections.map((s) => {
    const items = s.items.map((item) =>
      item.kind === 'article'
        ? `<li><a href="/articles/${item.id}" style="color:inherit;display:block;min-height:44px;padding:8px 0">${escapeHtml(item.title)}</a></li>`
        : `<li style="padding:8px 0">${escapeHtml(item.text)}</li>`,
    )
    return `<section><h2 style="color:#b71c1c;font-size:1.1em;margin:16px 0 4px">${escapeHtml(plainSection(s.name))}</h2><ul style="list-style:none;padding:0;margin:0">${items.join('')}</ul></section>`
  })
  return [
    `<nav>${homeLink}</nav>`,
    `<h1 style="font-size:1.25em;margin:4px 0">${escapeHtml(issue.masthead)}${escapeHtml(issue.label)}</h1>`,
    `<p style="margin:0;color:#4d4d4d">${escapeHtml(date(issue.date))}</p>`,
    ...sections,
  ].join('')
}

/** The newest issues as the app's home shows them (label, date, first three titles), each a link. */
function homeBody(list: IssueList, olderPath: string | null): string {
  const cards = list.items.map((issue) => {
    const titles = issue.contents.flatMap((s) => s.articles).slice(0, 3)
    return [
      `<section style="background:inherit;border-bottom:1px solid #e0e0e0;padding:8px 0 12px">`,
      `<h2 style="font-size:1.1em;margin:0"><a href="/issues/${issue.id}" style="color:#b71c1c;display:block;min-height:44px;line-height:44px">${escapeHtml(issue.label)}</a></h2>`,
      `<p style="margin:0;color:#4d4d4d">${escapeHtml(dateWithWeekday(issue.date))}</p>`,
      `<ul style="list-style:none;padding:0;margin:0">`,
      ...titles.map((a) => `<li><a href="/articles/${a.id}" style="color:inherit;display:block;min-height:44px;padding:8px 0">· ${escapeHtml(a.title)}</a></li>`),
      '</ul></section>',
    ].join('')
  })
  if (!list.items.length) cards.push('<p>还没有发布的期刊。</p>')
  if (olderPath) cards.push(`<nav><a href="${escapeHtml(olderPath)}" style="${LINK}">更早的期刊</a></nav>`)
  return cards.join('')
}

export function pageBody(view: PageView): string {
  if (view.kind === 'home' && view.list) return homeBody(view.list, view.olderPath ?? null)
  if (view.kind === 'article' && view.article) return articleBody(view.article)
  if (view.kind === 'issue' && view.issue) return issueBody(view.issue)
  if (view.kind === 'not-found') return `<h1 style="font-size:1.25em">找不到这个页面</h1><p>地址可能不完整，或这篇内容已经撤下。</p>${homeLink}`
  return '正在打开…'
}
