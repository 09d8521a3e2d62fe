/**
 * The built mini-program booted in Node: an article imported from a .docx with a table and a
 * picture renders its blocks (every cell in order, the picture from /api/media/:id?w=750 with its
 * caption); an article without blocks still renders its paragraphs (pages.test.ts).
 */
import { startServer, type RunningServer } from '../client/support/server'
import { ADMIN_TOKEN, importDocxAndPublish } from '../e2e/admin-import'
import { boot, ensureWeappBuild, TEST_API_BASE } from './support/boot'

let server: RunningServer
let articleId: number
let mediaId: string

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ ADMIN_TOKEN })
  const issueId = await importDocxAndPublish(server.base, 'word-table-photo.docx')
  const issue = await (await fetch(`${server.base}/api/issues/${issueId}`)).json()
  const article = issue.sections[0].items[0]
  articleId = article.id
  mediaId = article.blocks.find((b: { kind: string }) => b.kind === 'image').mediaId
}, 200_000)
afterAll(async () => {
  await server?.stop()
})

describe('booted mini-program: an article with blocks', () => {
  it('renders the table cell by cell in a sideways scroller and the picture with its caption', async () => {
    const r = await boot({ page: 'pages/article/index', query: { id: String(articleId) }, api: server.base, waitFor: '疗休养职工在从化温泉合影' })
    const cells = ['区', '计划人次', '已完成', '完成率', '主要线路', '备注', '天河区', '3200', '2860', '89%', '从化温泉、增城白水寨', '含劳模专场', '番禺区', '清远连州']
    let from = r.texts.indexOf('1—8月，全市工会组织职工疗休养情况如下表，各区完成进度不一。')
    expect(from).toBeGreaterThanOrEqual(0)
    for (const cell of cells) {
      const at = r.texts.indexOf(cell, from + 1)
      expect([cell, at > from]).toEqual([cell, true])
      from = at
    }
    expect(r.texts.indexOf('下一步，市总工会将加强对进度偏慢区的督导。')).toBeGreaterThan(from)
    expect(r.texts).toContain('疗休养职工在从化温泉合影')
    expect(r.classes.some((c) => c.includes('block-table-scroll'))).toBe(true)
    // The build's API_BASE is the configured server (the booter sends its requests to the test's).
    expect(r.images.filter((src) => src.endsWith(`/api/media/${mediaId}?w=750`))).toHaveLength(1)
    expect(r.errors).toEqual([])
  })

  it("enlarges the picture when tapped, through WeChat's viewer at the large width", async () => {
    const r = await boot({ page: 'pages/article/index', query: { id: String(articleId) }, api: server.base, waitFor: '疗休养职工在从化温泉合影', taps: [`image:${mediaId}`] })
    // PREVIEW_WIDTH in ArticleBlocks: the viewer gets a larger copy than the page's 750.
    const large = `${TEST_API_BASE}/api/media/${mediaId}?w=1500`
    expect(r.previews).toEqual([{ current: large, urls: [large] }])
    expect(r.calls).toContain('previewImage')
  })
})
