/**
 * Each reader page's address answered with HTML that already holds the page: its <title>, the
 * Open Graph tags a chat app's link preview reads (og:image is the share card), a canonical link,
 * and the text itself, readable with scripts off. The API answer the app would ask for first rides
 * along as JSON (#boot-data), so the app takes over without calling again.
 * The template is the built dist/h5/index.html: the same scripts and styles, only filled in.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ArticleDetail, IssueDetail, IssueList } from '../../core/api'
import type { PublicReads } from '../services/public-reads'
import type { PreviewReads } from '../services/preview-reads'
import { escapeHtml, nextPages, pageBody, type PageView } from './page-views'
import { decodeCursor, encodeIssueCursor } from './cursor'
import { ApiError } from './errors'
import { cachedJson, READY_BYTES_ROUTE, sendReadyBytes, type CachedJson } from './cached-json'

const HTML = 'text/html; charset=utf-8'
const BOOT_BODY = /<div id="boot-body"[^>]*>[\s\S]*?<\/div>/
/** The placeholder's masthead: a page of its own brings its own top (home's masthead, a top bar). */
const BOOT_MASTHEAD = /<div id="boot-masthead"[^>]*>[\s\S]*?<\/div>/
const TITLE = /<title>[^<]*<\/title>/
const APP_SCRIPTS = /<script[^>]*\ssrc=[^>]*><\/script>/g
const APP_STYLESHEET = /<link href="(\/css\/[\w.-]+\.css)" rel="stylesheet">/
/**
 * The page's own elements (h1, p, a, button …) start from nothing, as the app's do, so app.css alone
 * lays them out (:where: no specificity, the app's classes win).
 */
const BOOT_RESET =
  ':where(#boot-body) :where(h1,h2,p,ul,article,section,nav){margin:0;padding:0;font-size:inherit;font-weight:inherit}' +
  ':where(#boot-body) :where(a){color:inherit;text-decoration:none}:where(#boot-body) :where(button){font:inherit}' +
  ':where(#boot-body) :where(th){font-weight:inherit;text-align:inherit}' +
  '.boot-page:not(.care) .care-only{display:none}'
/** Controls only the app can work, and 未读 (only the app knows), are not shown to a reader without scripts. */
const NO_SCRIPT = '<noscript><style>.needs-app,.new-mark{display:none}</style></noscript>'
/** What the app's home asks for first (src/stores/app-stores.ts: pages of 10). */
const HOME_PAGE_SIZE = 10
/** An issue page carries the opening of this many of its articles at most (a few KB compressed). */
const MAX_ARTICLE_TEMPLATES = 12
const isIssueCursor = (v: unknown): v is { d: string; i: number } => {
  const c = v as { d?: unknown; i?: unknown } | null
  return typeof c === 'object' && c !== null && typeof c.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.d) && Number.isSafeInteger(c.i) && (c.i as number) > 0
}

/** JSON inside <script>: no "</script>" or "<!--" can end or change it. */
const scriptJson = (json: string) =>
  json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

export interface PageHtml {
  /** The "找不到这个页面" page, status 404, with a way home. */
  sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply
}

export function renderPage(template: string, view: PageView, pageOrigin: string): string {
  const head = [
    `<title>${escapeHtml(view.title)}</title>`,
    `<meta name="description" content="${escapeHtml(view.description)}">`,
    `<meta property="og:type" content="${view.kind === 'article' ? 'article' : 'website'}">`,
    `<meta property="og:site_name" content="工会信息">`,
    `<meta property="og:title" content="${escapeHtml(view.title)}">`,
    `<meta property="og:description" content="${escapeHtml(view.description)}">`,
    view.image ? `<meta property="og:image" content="${escapeHtml(pageOrigin + view.image)}">` : '',
    view.path ? `<meta property="og:url" content="${escapeHtml(pageOrigin + view.path)}">` : '',
    view.path ? `<link rel="canonical" href="${escapeHtml(pageOrigin + view.path)}">` : '',
    view.kind === 'not-found' ? '<meta name="robots" content="noindex">' : '',
  ].filter(Boolean)
  const boot = view.boot ? `<script type="application/json" id="boot-data">${scriptJson(`{"url":${JSON.stringify(view.boot.url)},"data":${view.boot.json}}`)}</script>` : ''
  // "Not found" is plain HTML: the app would only open a page that is not there. Elsewhere the app's
  // scripts (deferred: they run after the page is read either way) move to the end, so that a slow
  // network brings the page's text before it starts on them.
  const scripts = template.match(APP_SCRIPTS) ?? []
  const withoutScripts = template.replace(APP_SCRIPTS, '')
  // The next pages' templates come last too: the boot script looks them up when a link is tapped.
  const page = view.kind === 'not-found' ? withoutScripts : withoutScripts.replace('</body>', () => `${nextPages(view)}${scripts.join('')}</body>`)
  const body = pageBody(view)
  return (body.mirrored ? page.replace(BOOT_MASTHEAD, '') : page)
    .replace(TITLE, () => head.join('') + `<style>${BOOT_RESET}</style>${NO_SCRIPT}`)
    .replace(BOOT_BODY, () => (body.mirrored ? `<div id="boot-body" data-prerendered="${view.kind}">` : '<div id="boot-body" class="pad">') + `${body.html}</div>${boot}`)
}

/**
 * The app's stylesheet inside the page instead of linked from it: the page's text paints with the
 * HTML, without waiting a round trip for app.css (a few KB compressed), and already as the app
 * lays it out.
 */
export function inlineStylesheet(template: string, dir: string): string {
  const found = APP_STYLESHEET.exec(template)
  if (!found) return template
  const css = readFileSync(path.join(dir, found[1]), 'utf8')
  // "</style" cannot occur in a stylesheet's rules; escaped all the same, as a page's text is.
  return template.replace(found[0], () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`)
}

/**
 * GET / (home: the newest issues), /articles/:id and /issues/:id, and the other pages' paths with
 * their own titles.
 * `publicOrigin` (PUBLIC_ORIGIN) makes og:image, og:url and the canonical link absolute. Without it
 * they stay relative: taken from the request's Host header, a cached page could point every reader
 * at whatever host one client wrote.
 */
/**
 * `previews`: an issue or article page asked for with a console preview token (?preview=TOKEN) gets
 * the app itself, never stored by any cache, and the app reads the draft with the same token.
 */
export function installPageHtml(app: FastifyInstance, dir: string, reads: PublicReads, publicOrigin: string | null = null, previews: PreviewReads | null = null): PageHtml {
  const template = inlineStylesheet(readFileSync(path.join(dir, 'index.html'), 'utf8'), dir)
  const render = (view: PageView) => renderPage(template, view, publicOrigin ?? '')
  // A page of published text is drawn once per published version (reads.page) and sent as ready
  // bytes, compressed once: the link a member opens from a chat after a publish costs a lookup.
  // Checked again after a minute, as the API's answers are, and answered 304 when unchanged.
  const sendPage = (request: FastifyRequest, reply: FastifyReply, ready: CachedJson, cacheControl = 'public, max-age=60') =>
    sendReadyBytes(request, reply, ready, HTML, cacheControl)
  const notFound: PageView = { kind: 'not-found', title: '找不到这个页面 - 工会信息', description: '这个地址没有对应的页面。', path: null }
  // "Not found" pages hold nothing of the archive: each is drawn once.
  const missingPages = new Map<string, CachedJson>()
  const sendMissing = (request: FastifyRequest, reply: FastifyReply, title = notFound.title) => {
    let ready = missingPages.get(title)
    if (!ready) missingPages.set(title, (ready = cachedJson(renderPage(template, { ...notFound, title }, ''))))
    return sendReadyBytes(request, reply, ready, HTML, 'no-cache', 404)
  }
  const idOf = (raw: string) => (/^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null)
  // The app alone (it reads the draft with the token): the same bytes for every draft.
  const previewPage = cachedJson(renderPage(template, { kind: 'page', title: '预览：尚未发布 - 工会信息', description: '预览：尚未发布', path: null }, ''))
  /** The app for a draft the request's preview token shows; false when it shows none. */
  async function sentPreview(request: FastifyRequest, reply: FastifyReply, kind: 'issue' | 'article', id: number | null): Promise<boolean> {
    const token = (request.query as { preview?: unknown } | undefined)?.preview
    if (!previews || id === null || typeof token !== 'string') return false
    const draft = kind === 'issue' ? await previews.issue(id, token) : await previews.article(id, token)
    if (!draft) return false
    // Never kept by any cache: a draft's page is for the token's holder only.
    sendReadyBytes(request, reply, previewPage, HTML, 'no-store')
    return true
  }

  /** The API's ready JSON, parsed once while the reads keep it (the same object until a publish). */
  const parsed = new WeakMap<CachedJson, unknown>()
  const parse = <T>(json: CachedJson): { text: string; data: T } => {
    const text = json.bytes.toString('utf8')
    if (!parsed.has(json)) parsed.set(json, JSON.parse(text))
    return { text, data: parsed.get(json) as T }
  }
  /** Home's first page (no cursor) or an older one. */
  async function homeView(after?: { date: string; id: number }, raw: string | null = null): Promise<PageView> {
    const { text, data: list } = parse<IssueList>(await reads.list(HOME_PAGE_SIZE, after, encodeIssueCursor))
    const newest = list.items[0]
    return {
      kind: 'home',
      title: '工会信息',
      description: newest
        ? `${newest.label}：${newest.contents
            .flatMap((s) => s.articles.map((a) => a.title))
            .slice(0, 3)
            .join('；')}`.slice(0, 120)
        : '工会信息：市总工会的内部刊物，在手机上阅读。',
      path: raw === null ? '/' : `/?cursor=${encodeURIComponent(raw)}`,
      image: newest ? `/api/cards/issues/${newest.id}.png` : undefined,
      list,
      olderPath: list.nextCursor ? `/?cursor=${encodeURIComponent(list.nextCursor)}` : null,
      // The app's home asks for the first page only; an older page's HTML is for reading without it.
      boot: raw === null ? { url: `/api/issues?limit=${HOME_PAGE_SIZE}`, json: text } : undefined,
    }
  }
  async function issueView(id: number): Promise<PageView | null> {
    const json = await reads.issue(id)
    if (!json) return null
    const { text, data: issue } = parse<IssueDetail>(json)
    const titles = issue.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'article' ? [i.title] : [])))
    return {
      kind: 'issue',
      title: `${issue.masthead}${issue.label}`,
      description: titles.slice(0, 3).join('；').slice(0, 120),
      path: `/issues/${id}`,
      image: `/api/cards/issues/${id}.png`,
      issue,
      boot: { url: `/api/issues/${id}`, json: text },
    }
  }
  async function articleView(id: number): Promise<PageView | null> {
    const json = await reads.article(id)
    if (!json) return null
    const { text, data: detail } = parse<ArticleDetail>(json)
    return {
      kind: 'article',
      title: detail.article.title,
      description: (detail.article.paragraphs[0] ?? '').slice(0, 120),
      path: `/articles/${id}`,
      image: `/api/cards/articles/${id}.png`,
      article: detail,
      boot: { url: `/api/articles/${id}`, json: text },
    }
  }
  /** The pages a member most likely opens next, ready in the page (./page-views: nextPages). */
  const withNext = (view: PageView, next: Array<PageView | null>): PageView => ({ ...view, next: next.filter((v): v is PageView => v !== null) })
  const route = { schema: { hide: true }, ...READY_BYTES_ROUTE }

  app.get<{ Querystring: { cursor?: unknown } }>('/', route, async (request, reply) => {
    // ?cursor= pages back through older issues for a reader without scripts ("更早的期刊").
    const raw = typeof request.query.cursor === 'string' && request.query.cursor ? request.query.cursor : null
    let after: { date: string; id: number } | undefined
    try {
      after = raw === null ? undefined : (({ d, i }) => ({ date: d, id: i }))(decodeCursor(raw, isIssueCursor))
    } catch (error) {
      if (error instanceof ApiError) return sendMissing(request, reply, '找不到这一页 - 工会信息')
      throw error
    }
    const draw = async () => {
      const home = await homeView(after, raw)
      // After a publish, members open the newest issue: its first screen is in the page.
      const newest = raw === null ? home.list?.items[0] : undefined
      return render(withNext(home, [newest ? await issueView(newest.id) : null]))
    }
    // An older page (a reader without scripts paging back) is drawn each time: any cursor a client
    // writes is one, and kept they could push the pages members read out of the cache.
    if (raw !== null) return sendPage(request, reply, cachedJson(await draw()), 'no-cache')
    return sendPage(request, reply, (await reads.page('home', draw))!)
  })
  app.get<{ Params: { id: string } }>('/articles/:id', route, async (request, reply) => {
    const id = idOf(request.params.id)
    if (await sentPreview(request, reply, 'article', id)) return reply
    const ready =
      id === null
        ? null
        : await reads.page(`article:${id}`, async () => {
            const view = await articleView(id)
            // Its top bar's two ways: back to its issue, and home.
            return view?.article ? render(withNext(view, [await issueView(view.article.issue.id), await homeView()])) : null
          })
    return ready ? sendPage(request, reply, ready) : sendMissing(request, reply, '找不到这篇文章 - 工会信息')
  })
  app.get<{ Params: { id: string } }>('/issues/:id', route, async (request, reply) => {
    const id = idOf(request.params.id)
    if (await sentPreview(request, reply, 'issue', id)) return reply
    const ready =
      id === null
        ? null
        : await reads.page(`issue:${id}`, async () => {
            const view = await issueView(id)
            if (!view?.issue) return null
            // Its top bar's way home, and the opening of each of its articles (the contents' links).
            const articles = view.issue.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'article' ? [i.id] : []))).slice(0, MAX_ARTICLE_TEMPLATES)
            return render(withNext(view, [await homeView(), ...(await Promise.all(articles.map(articleView)))]))
          })
    return ready ? sendPage(request, reply, ready) : sendMissing(request, reply, '找不到这一期 - 工会信息')
  })
  const named: Record<string, string> = { '/search': '搜索', '/favourites': '我的收藏', '/settings': '字号与显示' }
  for (const [path, name] of Object.entries(named)) {
    // Nothing of the archive in them (the app fills them in): drawn once, checked again on every open.
    const ready = cachedJson(render({ kind: 'page', title: `${name} - 工会信息`, description: '工会信息：市总工会的内部刊物，在手机上阅读。', path }))
    app.get(path, route, async (request, reply) => sendPage(request, reply, ready, 'no-cache'))
  }
  return { sendNotFound: sendMissing }
}
