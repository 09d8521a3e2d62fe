/**
 * A correction reaches readers in the mini-program too: the built weapp, booted in Node, shows
 * "本文已于 … 更正：…" under a corrected article, after its text.
 */
import { startServer, type RunningServer } from '../client/support/server'
import { ADMIN_TOKEN, correctArticleText, importAndPublish, sampleAs } from '../e2e/admin-import'
import { boot, ensureWeappBuild } from './support/boot'

let server: RunningServer
let articleId: number
let day: string

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer({ ADMIN_TOKEN })
  const issueId = await importAndPublish(server.base, sampleAs(2025, 4))
  const corrected = await correctArticleText(server.base, issueId, '7 月 8 日，市总工会', '7 月 9 日，市总工会', '活动日期应为7月9日')
  articleId = corrected.corrected[0]
  const beijing = new Date(Date.parse(corrected.at) + 8 * 3600_000)
  day = `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`
}, 200_000)
afterAll(async () => {
  await server?.stop()
})

describe('booted mini-program: a corrected article', () => {
  it('shows the correction note after the article’s text', async () => {
    const notice = `本文已于 ${day} 更正：活动日期应为7月9日`
    const r = await boot({ page: 'pages/article/index', query: { id: String(articleId) }, api: server.base, waitFor: notice })
    const text = r.texts.findIndex((t) => t.startsWith('7 月 9 日，市总工会'))
    expect(text).toBeGreaterThanOrEqual(0)
    expect(r.texts.indexOf(notice)).toBeGreaterThan(text)
    expect(r.classes.some((c) => c.includes('correction'))).toBe(true)
    expect(r.errors).toEqual([])
  })
})
