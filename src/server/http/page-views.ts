/**
 * The text of a reader page as plain HTML, for ./page-html.ts: what a member reads before the app's
 * script arrives, or with scripts off. Links are real links, so it is a usable page on its own.
 *
 * Each page is laid out as the app lays out the same page: the same class names (app.css, inlined
 * in the page), in the same order, with the same text. When the app takes over, nothing on the
 * screen moves, so a finger that taps while the app replaces this HTML lands on the same control
 * in either (a home card that was one link is the app's card, not the 搜索 button that used to
 * slide under it). Controls only the app can work (听全文, 保存本期, 长辈版) stand in their places
 * disabled (class needs-app), and are hidden when scripts are off.
 */
import { PICTURE_WIDTH, TABLE_REGION_LABEL, type ArticleDetail, type IssueDetail, type IssueList } from '../../core/api'
import { blocksOf, type Block } from '../../core/bulletin'
import { sourceLine } from '../../core/text/source-line'

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
  /** The pages a member most likely opens next from this one (see nextPages). */
  next?: PageView[]
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const plainSection = (name: string) => name.replace(/^[〔【[]\s*|\s*[〕】\]]$/g, '').trim()
const WEEKDAYS = '日一二三四五六'
/** As the app writes a date (dayjs zh-cn 'YYYY年M月D日 dddd'), so nothing changes when it takes over. */
const dateWithWeekday = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日 星期${WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()]}`
}
const link = (href: string, className: string, text: string, attrs = '') => `<a href="${escapeHtml(href)}" class="${className}"${attrs}>${text}</a>`
/** A control only the app can work, in its place and disabled until the app takes over. */
const appOnly = (className: string, text: string) => `<button type="button" class="${className} needs-app" disabled>${text}</button>`

/** components/TopBar: back, the page's title (or room), home. */
function topBar(back: string, title: string | null, extra = ''): string {
  return [
    '<nav class="top-bar" aria-label="页面导航">',
    link(back, 'top-bar-btn', '‹ 返回', ' aria-label="返回"'),
    title === null ? '<div class="grow"></div>' : `<h1 class="top-bar-title">${escapeHtml(title)}</h1>`,
    extra,
    link('/', 'top-bar-btn', '首页'),
    '</nav>',
  ].join('')
}

/** ListenPanel before it plays. */
const listen = `<div class="listen pad needs-app">${appOnly('btn primary listen-start', '听全文')}</div>`

/** components/Masthead (its name is inline text there, as here). */
function masthead(name: string, level: 1 | 2, meta: string[] = []): string {
  return `<div class="masthead"><h${level} class="masthead-name" style="display:inline">${escapeHtml(name)}</h${level}>${meta.map((m) => `<div><span class="masthead-meta">${escapeHtml(m)}</span></div>`).join('')}</div>`
}

/** A next page's article: its opening (about a screen of text), then the way to the rest. */
const FIRST_SCREEN_CHARS = 400

/** The blocks of `article` that make up about its first screen of text (all of them unless `firstScreen`). */
function shownBlocks(blocks: Block[], firstScreen: boolean): Block[] {
  if (!firstScreen) return blocks
  let chars = 0
  const enough = blocks.findIndex((b) => (chars += blockText(b).length) >= FIRST_SCREEN_CHARS)
  return enough === -1 ? blocks : blocks.slice(0, enough + 1)
}
const blockText = (b: Block) => (b.kind === 'table' ? b.rows.flat().join('') : b.kind === 'image' ? (b.caption ?? '') : b.text)

/**
 * components/ArticleBlocks: an article as it was written. Tables are real tables (a reader without
 * scripts, or a screen reader, gets rows and cells), laid out as the app's (app.css display:table);
 * pictures at the width the app asks for, their space kept from the picture's own size so that
 * nothing below them moves when they arrive.
 */
function blocksHtml(blocks: Block[]): string {
  // The first row is the table's header (the app draws it bold): column headers for a screen reader.
  const cells = (row: string[], header: boolean) =>
    row.map((cell) => (header ? `<th scope="col" class="block-td">${escapeHtml(cell)}</th>` : `<td class="block-td">${escapeHtml(cell)}</td>`)).join('')
  const html = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return `<p class="para">${escapeHtml(block.text)}</p>`
      case 'subheading':
        return `<h2 class="h2 block-subheading">${escapeHtml(block.text)}</h2>`
      case 'list-item':
        return `<div class="block-list-item"><span class="block-marker">${escapeHtml(block.marker)}</span><span class="grow">${escapeHtml(block.text)}</span></div>`
      case 'table':
        // components/ArticleBlocks: a region a keyboard can scroll, named as the app names it.
        return `<div class="block-table-scroll" style="overflow-x:auto" role="region" tabindex="0" aria-label="${TABLE_REGION_LABEL}"><table class="block-table"><tbody>${block.rows
          .map((row, r) => `<tr class="${r === 0 ? 'block-tr block-th' : 'block-tr'}">${cells(row, r === 0)}</tr>`)
          .join('')}</tbody></table></div>`
      case 'image': {
        const { mediaId, caption, width, height } = block
        // Numbers from the importer; only whole positive ones go into the markup.
        const known = (n: number | null): n is number => Number.isSafeInteger(n) && (n as number) > 0
        const size = known(width) && known(height) ? ` width="${width}" height="${height}" style="aspect-ratio:${width} / ${height};max-width:${width}px"` : ''
        const picture =
          mediaId === null
            ? ''
            : `<img class="block-image" src="/api/media/${encodeURIComponent(mediaId)}?w=${PICTURE_WIDTH}" alt="${escapeHtml(caption ?? '图片')}" loading="lazy"${size}>`
        return `<div class="block-picture">${picture}${caption ? `<span class="muted block-caption">${escapeHtml(caption)}</span>` : ''}</div>`
      }
    }
  })
  return `<div class="blocks">${html.join('')}</div>`
}

/** pages/article: top bar with Aa, 听全文, the article, the ways on; `firstScreen`: its opening only. */
function articleBody({ article, issue, section, previousId, nextId }: ArticleDetail, firstScreen: boolean): string {
  const source = sourceLine(article.source)
  // As the app draws it: the blocks when the importer spelled them out, else the paragraphs.
  const blocks = blocksOf(article)
  const shown = shownBlocks(blocks, firstScreen)
  const text = article.blocks ? blocksHtml(shown) : shown.map((b) => `<p class="para">${escapeHtml(blockText(b))}</p>`).join('')
  const neighbours = [previousId ? link(`/articles/${previousId}`, 'btn grow', '‹ 上一篇') : '', nextId ? link(`/articles/${nextId}`, 'btn grow', '下一篇 ›') : ''].join('')
  return [
    topBar(`/issues/${issue.id}`, null, link('/settings', 'top-bar-btn', 'Aa', ' aria-label="文字大小与夜间模式"')),
    listen,
    '<article class="article">',
    `<span class="muted">${escapeHtml(issue.masthead)} ${escapeHtml(issue.label)} · ${escapeHtml(plainSection(section))}</span>`,
    `<div><h1 class="title">${escapeHtml(article.title)}</h1></div>`,
    `<div style="margin:6px 0 16px"><span class="muted">${escapeHtml(dateWithWeekday(issue.date))}${source ? escapeHtml(`　${source}`) : ''}</span></div>`,
    text,
    '</article>',
    // The page itself, whole (the boot script leaves a link to the address shown to the browser).
    shown.length < blocks.length ? `<div class="pad">${link(`/articles/${article.id}`, 'btn primary', '继续阅读全文')}</div>` : '',
    neighbours ? `<div class="pad row gap">${neighbours}</div>` : '',
    '<div class="pad">',
    link(`/issues/${issue.id}`, 'btn', `查看本期全部内容（${escapeHtml(issue.label)}）`),
    link('/', 'btn', '返回首页', ' style="margin-top:12px"'),
    '</div>',
  ].join('')
}

/**
 * pages/issue at its first page (本期导读), then (unless `firstScreen`) each section's briefs for a
 * reader without scripts.
 */
function issueBody(issue: IssueDetail, firstScreen: boolean): string {
  const tabs = ['本期导读', ...issue.sections.map((s) => plainSection(s.name))]
  // The contents link every article; a section's briefs (no page of their own) follow them, read here.
  const briefsOf = (index: number) => issue.sections[index].items.flatMap((i) => (i.kind === 'brief' ? [i] : []))
  // A section: its briefs below, or (none) its group in the contents.
  const sectionHref = (index: number) => (briefsOf(index).length && !firstScreen ? `#section-${index + 1}` : `#toc-${index + 1}`)
  const contents = issue.sections.map((s, index) => {
    const briefs = briefsOf(index).length
    return [
      `<div id="toc-${index + 1}">`,
      // (The app opens the section's page; here only briefs have somewhere to go.)
      briefs && !firstScreen
        ? link(sectionHref(index), 'toc-item', `<span class="accent">〔${escapeHtml(plainSection(s.name))}〕</span>`)
        : `<div class="toc-item"><span class="accent">〔${escapeHtml(plainSection(s.name))}〕</span></div>`,
      ...s.items.map((item) => (item.kind === 'article' ? link(`/articles/${item.id}`, 'toc-item', escapeHtml(item.title)) : '')),
      briefs ? link(sectionHref(index), 'toc-item', `<span class="muted">简讯 ${briefs} 条</span>`) : '',
      '</div>',
    ].join('')
  })
  const sections = issue.sections.map((s, index) =>
    briefsOf(index).length && !firstScreen
      ? [
          `<section id="section-${index + 1}"><h2 class="section-name">〔${escapeHtml(plainSection(s.name))}〕</h2>`,
          ...briefsOf(index).map((brief) => `<p class="toc-item">${escapeHtml(brief.text)}</p>`),
          '</section>',
        ].join('')
      : '',
  )
  return [
    topBar('/', `${issue.masthead}${issue.label}`),
    `<div class="tabs"><div class="row" style="flex-wrap:nowrap">${tabs.map((name, i) => link(i === 0 ? '#contents' : sectionHref(i - 1), i === 0 ? 'tab on' : 'tab', escapeHtml(name))).join('')}</div></div>`,
    listen,
    `<div class="save-bar needs-app"><div class="save-bar-words"><span class="muted">存到手机上，没有网络也能读，图片也在</span></div><div class="row gap">${appOnly('btn primary', '保存本期')}</div></div>`,
    // 长辈版's way to the next section (components/SectionStepper), shown in care mode only.
    tabs.length > 1 ? `<div class="pad row gap stepper care-only">${link(sectionHref(0), 'btn grow', '下一栏目 ›')}</div>` : '',
    '<div id="contents">',
    masthead(issue.masthead, 2, [issue.label, ...(issue.publisher ? [issue.publisher] : []), dateWithWeekday(issue.date)]),
    '<h2 class="section-name">本期导读</h2>',
    ...contents,
    '</div>',
    ...sections,
  ].join('')
}

/** pages/index: masthead, the row of buttons, a card per issue (one link each, as the app's). */
function homeBody(list: IssueList, olderPath: string | null): string {
  const cards = list.items.map((issue) => {
    const titles = issue.contents.flatMap((s) => s.articles).slice(0, 3)
    return [
      // Unread until the phone says otherwise: the boot script drops the mark of issues read, and
      // marks those saved (what the app shows from the phone's storage).
      `<a href="/issues/${issue.id}" class="card issue-card" data-issue="${issue.id}">`,
      `<div class="row"><h2 class="h2 accent">${escapeHtml(issue.label)}</h2><span class="new-mark">未读</span></div>`,
      `<span class="muted">${escapeHtml(dateWithWeekday(issue.date))}</span>`,
      ...titles.map((a) => `<span class="contents-line">· ${escapeHtml(a.title)}</span>`),
      '</a>',
    ].join('')
  })
  return [
    masthead('工会信息', 1),
    '<nav class="nav-row" aria-label="常用">',
    link('/search', 'btn small', '搜索'),
    link('/favourites', 'btn small', '收藏'),
    link('/settings', 'btn small', '字号'),
    appOnly('btn small', '长辈版'),
    '</nav>',
    ...cards,
    list.items.length ? '' : '<div class="pad"><span>还没有发布的期刊。</span></div>',
    olderPath ? `<div class="pad">${link(olderPath, 'btn', '加载更早的期刊')}</div>` : '',
  ].join('')
}

const notFoundBody = () =>
  [
    topBar('/', null),
    '<div class="pad"><h1 class="title">找不到这个页面</h1><p>地址可能不完整，或这篇内容已经撤下。</p></div>',
    `<div class="pad">${link('/', 'btn', '返回首页')}</div>`,
  ].join('')

/**
 * The page's HTML; `mirrored` says it is laid out as the app's page (else it is a plain placeholder).
 * `firstScreen`: only what the app's page shows first (a next page's template).
 */
export function pageBody(view: PageView, firstScreen = false): { html: string; mirrored: boolean } {
  if (view.kind === 'home' && view.list) return { html: homeBody(view.list, view.olderPath ?? null), mirrored: true }
  if (view.kind === 'article' && view.article) return { html: articleBody(view.article, firstScreen), mirrored: true }
  if (view.kind === 'issue' && view.issue) return { html: issueBody(view.issue, firstScreen), mirrored: true }
  if (view.kind === 'not-found') return { html: notFoundBody(), mirrored: true }
  return { html: '正在打开…', mirrored: false }
}

/**
 * The likely next pages' first screens, as inert <template>s: a tap on a link to one of them before
 * the app has run is answered at once by the boot script (src/index.html), with no round trip on a
 * slow network; the address changes as a link's would, and the app takes over from there.
 */
export function nextPages(view: PageView): string {
  return (view.next ?? [])
    .flatMap((next) => {
      const body = pageBody(next, true)
      if (!next.path || !body.mirrored) return []
      return [`<template class="boot-next" data-path="${escapeHtml(next.path)}" data-kind="${next.kind}" data-title="${escapeHtml(next.title)}">${body.html}</template>`]
    })
    .join('')
}
