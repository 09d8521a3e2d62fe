/**
 * @jest-environment ./tests/weapp/support/jsdom-node-fetch.cjs
 */
/**
 * Every page of dist/weapp rendered by WeChat's component simulator from the wcc-compiled templates,
 * with the real backend's data; taps go through the compiled bindings; the tests read the rendered
 * text, not the setData tree.
 */
import { startServer, type RunningServer } from '../client/support/server'
import { ensureWeappBuild } from './support/boot'
import { PRIVACY_AGREE_BUTTON_ID } from '../../src/stores/privacy-store'
import { renderPage } from './support/render-page'

let server: RunningServer
let issue: { id: number; label: string }
let article: { id: number; title: string }

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer()
  const list = await (await fetch(server.base + '/api/issues')).json()
  issue = list.items[0]
  article = list.items[0].contents[1].articles[1]
}, 200_000)
afterAll(async () => {
  await server?.stop()
})

describe('pages rendered from the compiled templates', () => {
  it('home: the published issue, its label and first titles', async () => {
    const home = await renderPage({ page: 'pages/index/index', api: server.base, waitFor: '〔2020〕第二十期' })
    expect(home.text()).toContain('〔2020〕第二十期')
    expect(home.text()).toContain('广州市工青妇组织推动“三大工程”羊城行动决战决胜脱贫攻坚')
    expect(home.refused).toEqual([])
    expect(home.errors).toEqual([])
  })

  it('issue: masthead, contents and sections', async () => {
    const page = await renderPage({ page: 'pages/issue/index', query: { id: String(issue.id) }, api: server.base, waitFor: '本期导读' })
    for (const words of ['本期导读', '要情动态', '工作交流', '信息短波', article.title]) expect(page.text()).toContain(words)
  })

  it('article: title, source and text; a tap on ☆ 收藏 through the compiled binding favourites it', async () => {
    const page = await renderPage({ page: 'pages/article/index', query: { id: String(article.id) }, api: server.base, waitFor: '保存海报' })
    expect(page.text()).toContain(article.title)
    expect(page.text()).toContain('增城区总工会 涂冬妮')
    await page.tap('☆ 收藏')
    expect(page.text()).toContain('★ 已收藏')
  })

  it('search: results for 毕节 with the count', async () => {
    const page = await renderPage({ page: 'pages/search/index', query: { q: encodeURIComponent('毕节') }, api: server.base, waitFor: '共找到' })
    expect(page.text()).toMatch(/共找到 ?\d+ ?条/)
    expect(page.text()).toContain('广州市开展“百企对口帮扶”专场招聘会助力贵州毕节贫困毕业生就业脱贫')
  })

  it('favourites: the article favourited above', async () => {
    const page = await renderPage({ page: 'pages/favourites/index', api: server.base })
    expect(page.text()).toContain(article.title)
  })

  it('settings: the sizes, and a tap on 超大 chooses it', async () => {
    const page = await renderPage({ page: 'pages/settings/index', api: server.base })
    for (const words of ['小', '标准', '大', '特大', '超大']) expect(page.text()).toContain(words)
    expect(page.classes()).toContain('ts-1')
    await page.tap('超大')
    expect(page.classes()).toContain('ts-4')
    expect(page.errors).toEqual([])
  })

  it('the privacy popup renders from the template, and its open-type button releases the poster save', async () => {
    const page = await renderPage({ page: 'pages/article/index', query: { id: String(article.id) }, api: server.base, waitFor: '保存海报' })
    await page.tap('保存海报')
    expect(page.text()).toContain('用户隐私保护指引')
    await page.tap('同意并继续', { id: PRIVACY_AGREE_BUTTON_ID, openType: 'agreePrivacyAuthorization' })
    expect(page.text()).not.toContain('同意并继续')
    expect(page.toasts).toContain('海报已保存到相册')
  })
})
