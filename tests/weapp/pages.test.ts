/**
 * The built mini-program booted in Node (see support/boot-page.cjs): each page loads from the real
 * backend over HTTP and renders what a member would read.
 */
import { OFFLINE } from '../client/support/client'
import { startServer, type RunningServer } from '../client/support/server'
import { boot, ensureWeappBuild } from './support/boot'

let server: RunningServer
let firstIssue: { id: number; articleId: number; title: string }

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer()
  const list = await (await fetch(server.base + '/api/issues')).json()
  const issue = list.items[0]
  const article = issue.contents[1].articles[1] // 工作交流, second article
  firstIssue = { id: issue.id, articleId: article.id, title: article.title }
}, 200_000)
afterAll(async () => {
  await server?.stop()
})

const joined = (texts: string[]) => texts.join('')

describe('booted mini-program pages', () => {
  it('home lists the published issue with its label, date and first titles, marked unread', async () => {
    const r = await boot({ page: 'pages/index/index', api: server.base })
    const text = joined(r.texts)
    expect(text).toContain('〔2020〕第二十期')
    expect(text).toContain('2020年7月13日')
    expect(text).toContain('广州市工青妇组织推动“三大工程”羊城行动决战决胜脱贫攻坚')
    expect(text).toContain('未读')
    expect(r.requests).toContain('GET /api/issues?limit=10')
    expect(r.errors).toEqual([])
  })

  it('issue deep link (?id=) shows masthead, contents, sections as tabs and briefs, and shares with its card', async () => {
    const r = await boot({ page: 'pages/issue/index', query: { id: String(firstIssue.id) }, api: server.base })
    const text = joined(r.texts)
    for (const words of ['本期导读', '要情动态', '工作交流', '信息短波', '广州市总工会办公室', firstIssue.title, '花都区总工会召开第十五届委员会第三次全体会议']) {
      expect(text).toContain(words)
    }
    expect(r.share.appMessage).toMatchObject({ path: `/pages/issue/index?id=${firstIssue.id}` })
    expect(r.share.appMessage!.imageUrl).toMatch(new RegExp(`/api/cards/issues/${firstIssue.id}\\.png$`))
    expect(r.share.timeline).toMatchObject({ query: `id=${firstIssue.id}` })
  })

  it('article shows title, source and text; favouriting keeps it on the device; shares with its card', async () => {
    const r = await boot({ page: 'pages/article/index', query: { id: String(firstIssue.articleId) }, api: server.base, taps: ['☆ 收藏'] })
    const text = joined(r.texts)
    expect(text).toContain(firstIssue.title)
    expect(text).toContain('增城区总工会 涂冬妮')
    expect(text).toContain('直播45分钟期间在线观看人数约26万人次')
    expect(text).toContain('★ 已收藏')
    expect(JSON.parse(JSON.parse(r.storage.favourites)).state.entries[0]).toMatchObject({ articleId: firstIssue.articleId, title: firstIssue.title })
    expect(r.share.appMessage).toMatchObject({ title: firstIssue.title, path: `/pages/article/index?id=${firstIssue.articleId}` })
    expect(r.share.appMessage!.imageUrl).toMatch(new RegExp(`/api/cards/articles/${firstIssue.articleId}\\.png$`))
  })

  it('a poster code opens the article from its scene', async () => {
    const r = await boot({ page: 'pages/article/index', query: { scene: encodeURIComponent(`a=${firstIssue.articleId}`) }, api: server.base })
    expect(joined(r.texts)).toContain(firstIssue.title)
  })

  it('opened from Moments (scene 1154) the article reads, without actions, with a hint', async () => {
    const r = await boot({ page: 'pages/article/index', query: { id: String(firstIssue.articleId) }, api: server.base, scene: 1154 })
    const text = joined(r.texts)
    expect(text).toContain(firstIssue.title)
    expect(text).toContain('朋友圈预览')
    expect(text).not.toContain('收藏')
    expect(text).not.toContain('下一篇')
    expect(r.requests.some((q) => q.includes('/api/auth/'))).toBe(false)
  })

  it('search (?q=毕节) lists results with the count', async () => {
    const r = await boot({ page: 'pages/search/index', query: { q: encodeURIComponent('毕节') }, api: server.base })
    const text = joined(r.texts)
    expect(text).toMatch(/共找到 ?\d+ ?条/)
    expect(text).toContain('广州市开展“百企对口帮扶”专场招聘会助力贵州毕节贫困毕业生就业脱贫')
    expect(r.requests.some((q) => q.startsWith('GET /api/search?q=%E6%AF%95%E8%8A%82'))).toBe(true)
  })

  it('favourites list and open offline what was favourited online', async () => {
    const online = await boot({ page: 'pages/article/index', query: { id: String(firstIssue.articleId) }, api: server.base, taps: ['☆ 收藏'] })
    const list = await boot({ page: 'pages/favourites/index', api: OFFLINE, storage: online.storage, taps: ['阅读'] })
    expect(joined(list.texts)).toContain(firstIssue.title)
    expect(list.navigations).toEqual([`/pages/article/index?id=${firstIssue.articleId}`])
    const article = await boot({ page: 'pages/article/index', query: { id: String(firstIssue.articleId) }, api: OFFLINE, storage: online.storage })
    const text = joined(article.texts)
    expect(text).toContain('直播45分钟期间在线观看人数约26万人次')
    expect(text).toContain('内容来自本机')
  })

  it("settings: text size follows WeChat's font size until chosen, and the choice applies to every page", async () => {
    const bigWechatFont = await boot({ page: 'pages/settings/index', api: server.base, fontSizeSetting: 28 })
    // A system font this large also turns 长辈版 on by itself (issue 14): the step is what this checks.
    expect(bigWechatFont.classes).toContain('shell ts-4 care')
    // In WeChat, where there is a font size to follow, the option is offered (the browser test checks H5 has none).
    expect(joined(bigWechatFont.texts)).toContain('跟随微信字体大小')
    const chosen = await boot({ page: 'pages/settings/index', api: server.base, taps: ['超大'] })
    expect(JSON.parse(JSON.parse(chosen.storage.settings)).state.textStep).toBe(4)
    const smallest = await boot({ page: 'pages/settings/index', api: server.base, storage: chosen.storage, taps: ['小'] })
    expect(smallest.classes).toContain('shell ts-0')
    const article = await boot({ page: 'pages/article/index', query: { id: String(firstIssue.articleId) }, api: server.base, storage: chosen.storage })
    expect(article.classes).toContain('shell ts-4')
  })

  it('without network and nothing saved, home says so and offers a retry', async () => {
    const r = await boot({ page: 'pages/index/index', api: OFFLINE, waitFor: '重新加载' })
    const text = joined(r.texts)
    expect(text).toContain('连不上网络')
    expect(text).toContain('重新加载')
  })
})
