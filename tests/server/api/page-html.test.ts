/**
 * The reader's page addresses answered with the page itself: title, link-preview tags (og:image is
 * the share card), canonical link, the text readable without scripts, the API answer the app needs
 * first, and "找不到这个页面" for any other address.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createApp } from '../../../src/server/app'
import type { StoredIssue } from '../../../src/core/bulletin'
import { buildTestApp, publish, type TestApp } from '../support/app'
import { makeIssue } from '../support/archive'
import { describeOnEachBackend } from '../support/storages'
import { createWechatClient } from '../../../src/server/wechat/client'

const TEMPLATE =
  '<!doctype html><html lang="zh-CN"><head><title>工会信息</title><script defer src="/js/app.0123abcd.js"></script><link href="/css/app.0123abcd.css" rel="stylesheet"></head>' +
  '<body><div id="app"></div><div id="boot-shell"><div id="boot-body" style="padding:16px">正在打开…</div></div></body></html>'

const ORIGIN = 'https://bulletin.example.cn'

describeOnEachBackend('page HTML for /articles/:id and /issues/:id', (backend) => {
  let t: TestApp
  let app: FastifyInstance
  let base: string
  let dir: string
  let issue: StoredIssue
  beforeAll(async () => {
    t = await buildTestApp(backend)
    issue = await publish(t.storage, makeIssue(2020, 20))
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-pages-'))
    mkdirSync(path.join(dir, 'js'))
    writeFileSync(path.join(dir, 'index.html'), TEMPLATE)
    writeFileSync(path.join(dir, 'js', 'app.0123abcd.js'), '')
    mkdirSync(path.join(dir, 'css'))
    writeFileSync(path.join(dir, 'css', 'app.0123abcd.css'), '.card{padding:14px}')
    // PUBLIC_ORIGIN set: the preview links are absolute, on that origin.
    const withOrigin = { ...t.server.backend, settings: { ...t.server.backend.settings, pages: { publicOrigin: ORIGIN } } }
    app = await createApp({
      backend: withOrigin,
      cards: t.server.cards,
      wechat: createWechatClient({ baseUrl: t.fake.baseUrl, appid: t.fake.appid, secret: t.fake.secret }),
      sessionSecret: 'x'.repeat(32),
      staticDir: dir,
    })
    base = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await app?.close()
    await t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const article = () => issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!
  /** What #boot-body holds: the page's own HTML, up to the app's first answer riding along. */
  const bootBody = (html: string) => html.slice(html.indexOf('<div id="boot-body"'), html.indexOf('<script type="application/json" id="boot-data">'))
  const attr = (html: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1]

  it('answers an article with its own title, preview tags, canonical link, text and data', async () => {
    const a = article()
    if (a.kind !== 'article') throw new Error('no article')
    const res = await fetch(`${base}/articles/${a.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    const escaped = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    expect(html).toContain(`<title>${escaped(a.title)}</title>`)
    expect(attr(html, 'og:title')).toBe(escaped(a.title))
    expect(attr(html, 'og:description')).toBe(escaped(a.paragraphs[0].slice(0, 120)))
    expect(attr(html, 'og:image')).toBe(`${ORIGIN}/api/cards/articles/${a.id}.png`)
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/articles/${a.id}">`)
    // A Host header the client wrote changes no link of a page that caches may keep.
    const forged = await (await fetch(`${base}/articles/${a.id}`, { headers: { 'x-forwarded-host': 'evil.example' } })).text()
    expect(forged).not.toContain('evil.example')
    // The text itself, as HTML (not only in a script), with a heading and a way home.
    const body = bootBody(html)
    expect(body).toContain(`<h1`)
    for (const p of a.paragraphs) expect(body).toContain(escaped(p))
    expect(body).toContain('<a href="/"')
    // The app's stylesheet is in the page: its text paints without waiting for another file.
    expect(html).toContain('<style>.card{padding:14px}</style>')
    expect(html).not.toContain('/css/app.0123abcd.css')
    // The app's first call, answered in the page: the same JSON the API gives.
    const boot = JSON.parse(/<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(html)![1])
    const api = await (await fetch(`${base}/api/articles/${a.id}`)).json()
    expect(boot).toEqual({ url: `/api/articles/${a.id}`, data: api })
    // The app's scripts stay, so it takes over.
    expect(html).toContain('/js/app.0123abcd.js')
  })

  it('answers an issue with its label, card, and every article linked', async () => {
    const res = await fetch(`${base}/issues/${issue.id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<title>${issue.masthead}${issue.label}</title>`)
    expect(attr(html, 'og:image')).toBe(`${ORIGIN}/api/cards/issues/${issue.id}.png`)
    for (const item of issue.sections.flatMap((s) => s.items)) if (item.kind === 'article') expect(html).toContain(`<a href="/articles/${item.id}"`)
  })

  it('answers home with the newest issues linked, its own preview tags, and the list the app asks for first', async () => {
    const older = await publish(t.storage, makeIssue(2019, 3))
    const res = await fetch(`${base}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('<title>工会信息</title>')
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/">`)
    expect(attr(html, 'og:title')).toBe('工会信息')
    const api = await (await fetch(`${base}/api/issues?limit=10`)).json()
    expect(attr(html, 'og:image')).toBe(`${ORIGIN}/api/cards/issues/${api.items[0].id}.png`)
    const body = bootBody(html)
    for (const listed of [issue, older]) {
      // A card per issue, one link as the app's card is, with the issue's first titles.
      expect(body).toContain(`<a href="/issues/${listed.id}"`)
      expect(body).toContain(listed.label)
      const first = listed.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!
      if (first.kind !== 'article') throw new Error('no article')
      expect(body).toContain(`· ${first.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}`)
    }
    expect(body).toContain('2020年')
    expect(body.indexOf(issue.label)).toBeLessThan(body.indexOf(older.label))
    const boot = JSON.parse(/<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(html)![1])
    expect(boot).toEqual({ url: '/api/issues?limit=10', data: api })
    expect(html).toContain('/js/app.0123abcd.js')
  })

  it('pages home back through older issues without scripts, and a bad page address is 找不到', async () => {
    for (let n = 1; n <= 10; n++) await publish(t.storage, makeIssue(2018, n))
    const first = await (await fetch(`${base}/`)).text()
    const older = /<a href="(\/\?cursor=[^"]+)"[^>]*>加载更早的期刊<\/a>/.exec(first)?.[1]
    expect(older).toBeDefined()
    const olderPage = await fetch(base + older!.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c))))
    // Drawn for each ask, never kept: any cursor a client writes is such a page.
    expect(olderPage.headers.get('cache-control')).toBe('no-cache')
    const next = await olderPage.text()
    const api = await (await fetch(`${base}/api/issues?limit=10`)).json()
    const page2 = await (await fetch(`${base}/api/issues?limit=10&cursor=${encodeURIComponent(api.nextCursor)}`)).json()
    for (const i of page2.items) expect(next).toContain(`<a href="/issues/${i.id}"`)
    expect(next).not.toContain('id="boot-data"')
    const bad = await fetch(`${base}/?cursor=nonsense`)
    expect(bad.status).toBe(404)
    expect(await bad.text()).toContain('<a href="/"')
  })

  it('keeps markup in the text as text, and "</script>" out of the data', async () => {
    const hostile = makeIssue(2020, 21)
    const first = hostile.sections[0].items.find((i) => i.kind === 'article')!
    if (first.kind !== 'article') throw new Error('no article')
    first.title = '<img src=x onerror=alert(1)></script>标题'
    first.paragraphs = ['</script><script>alert(2)</script>正文']
    const stored = await publish(t.storage, hostile)
    const id = stored.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!.id
    const html = await (await fetch(`${base}/articles/${id}`)).text()
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>alert(2)')
    expect(html.match(/<\/script>/g)!.length).toBe(html.match(/<script/g)!.length)
  })

  it('says 找不到这个页面, with a way home and no app, for unknown addresses and missing articles', async () => {
    for (const address of ['/no/such/page', '/articles/999999', '/articles/abc', '/issues/0']) {
      const res = await fetch(base + address)
      expect({ address, status: res.status }).toEqual({ address, status: 404 })
      const html = await res.text()
      expect(html).toContain('找不到这个页面')
      expect(html).toContain('<a href="/"')
      expect(html).not.toContain('/js/app.0123abcd.js')
    }
    // The API keeps its JSON errors.
    expect((await fetch(`${base}/api/nothing`)).headers.get('content-type')).toMatch(/json/)
  })

  it('draws a page once per published version: a phone gets it compressed, 304 while unchanged, and a publish shows at once', async () => {
    const first = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } })
    expect(first.status).toBe(200)
    expect(first.headers.get('content-encoding')).toBe('br')
    expect(first.headers.get('cache-control')).toBe('public, max-age=60')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"/)
    const html = await first.text()
    // Asked again unchanged: the same page, or nothing to send at all.
    expect(await (await fetch(`${base}/`)).text()).toBe(html)
    expect((await fetch(`${base}/`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    const newer = await publish(t.storage, makeIssue(2021, 1))
    const after = await fetch(`${base}/`, { headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(bootBody(await after.text())).toContain(`<a href="/issues/${newer.id}"`)
    // A page that is not there is never a 304, whatever the client holds.
    const missing = await fetch(`${base}/articles/999999`, { headers: { 'if-none-match': '*' } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('etag')).toBeNull()
  })
})
