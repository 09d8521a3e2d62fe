/**
 * @jest-environment ./tests/weapp/support/jsdom-node-fetch.cjs
 */
/**
 * 保存本期 in the booted mini-program (dist/weapp rendered from its compiled templates, on the strict
 * wx stand-in): the issue page saves the issue and downloads its picture into a file under
 * wx.env.USER_DATA_PATH, and the article's picture then comes from that file, not the picture's address.
 */
import { startServer, type RunningServer } from '../client/support/server'
import { ADMIN_TOKEN, importDocxAndPublish } from '../e2e/admin-import'
import { ensureWeappBuild } from './support/boot'
import { renderPage } from './support/render-page'

let server: RunningServer
let issueId: number
let articleId: number

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ ADMIN_TOKEN })
  issueId = await importDocxAndPublish(server.base, 'word-table-photo.docx')
  const issue = (await (await fetch(`${server.base}/api/issues/${issueId}`)).json()) as { sections: Array<{ items: Array<{ id: number; kind: string }> }> }
  articleId = issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!.id
}, 200_000)
afterAll(async () => {
  await server?.stop()
})

describe('保存本期 in the mini-program', () => {
  it('keeps the issue and its picture as a file, and the article’s picture comes from the kept file', async () => {
    const issue = await renderPage({ page: 'pages/issue/index', query: { id: String(issueId) }, api: server.base, waitFor: '保存本期' })
    expect(issue.text()).toContain('没有网络也能读')
    await issue.tap('保存本期')
    expect(issue.text()).toContain('已保存到手机，没有网络也能读')
    expect(issue.requests.filter((r) => r.startsWith('DOWNLOAD /api/media/'))).toEqual([expect.stringMatching(/^DOWNLOAD \/api\/media\/[0-9a-f]{64}\?w=750$/)])
    const kept = [...issue.files.keys()]
    expect(kept).toEqual([expect.stringMatching(/^wxfile:\/\/usr\/pictures\/.+/)])
    expect(issue.files.get(kept[0])!.length).toBeGreaterThan(1000)
    expect(issue.refused).toEqual([])

    const article = await renderPage({ page: 'pages/article/index', query: { id: String(articleId) }, api: server.base, waitFor: '全市职工疗休养工作情况通报' })
    // The simulator draws no <image> src; a tap on the picture shows what the page shows: the kept file
    // (the enlarged copy is not kept, so the viewer gets the reading copy rather than a blank offline).
    await article.tapClass('block-image')
    expect(article.previews).toEqual([{ current: kept[0], urls: [kept[0]] }])
  })
})
