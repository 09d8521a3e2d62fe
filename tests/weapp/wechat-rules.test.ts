/**
 * The booted mini-program under the strict stand-in (support/boot-page.cjs): what WeChat allows on a
 * phone, and the failures it answers with. Each test names the rule it holds the app to.
 */
import { startServer, type RunningServer } from '../client/support/server'
import { boot, ensureWeappBuild, TEST_API_BASE } from './support/boot'

let server: RunningServer
let articleId: number

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer()
  const list = await (await fetch(server.base + '/api/issues')).json()
  articleId = list.items[0].contents[1].articles[1].id
}, 200_000)
afterAll(async () => {
  await server?.stop()
})

const text = (r: { texts: string[] }) => r.texts.join('')
const article = () => ({ page: 'pages/article/index', query: { id: String(articleId) }, api: server.base })
// The article with its actions shown: a busy machine may take a while before the first request leaves.
const articleWithActions = () => ({ ...article(), waitFor: '保存海报' })

describe('request and download domains', () => {
  it('every request and download goes to the https domain the build was given', async () => {
    const r = await boot({ ...articleWithActions(), taps: ['保存海报', '同意并继续'] })
    expect(r.requests.length).toBeGreaterThan(0)
    expect(r.refused).toEqual([])
    expect(r.requests).toContain(`DOWNLOAD /api/cards/articles/${articleId}/poster.png`)
    expect(r.share.appMessage!.imageUrl).toBe(`${TEST_API_BASE}/api/cards/articles/${articleId}.png`)
  })

  it('a domain not on the list is refused, as on a phone, and the page says it cannot connect', async () => {
    const r = await boot({ page: 'pages/index/index', api: server.base, domains: ['https://other.example.cn'], expectRefusals: true, waitFor: '重新加载' })
    expect(r.refused[0]).toMatch(/^request https:\/\/bulletin\.example\.cn\/api\/issues.* not in the domain list/)
    expect(text(r)).toContain('连不上网络')
  })
})

describe('text size follows WeChat on iOS and Android alike', () => {
  it.each([
    ['ios', 17, 'shell ts-1'],
    ['android', 16, 'shell ts-1'],
    ['android', 20, 'shell ts-2'],
    ['ios', 28, 'shell ts-4 care'], // so large a font also turns 长辈版 on
  ] as const)('%s at %i px → %s', async (platform, fontSizeSetting, shell) => {
    const r = await boot({ page: 'pages/settings/index', api: server.base, platform, fontSizeSetting })
    expect(r.classes).toContain(shell)
    expect(r.calls).toContain('getAppBaseInfo')
  })
})

describe('saving the poster: the privacy guide and the album permission', () => {
  it("first time: the privacy popup asks, agreeing (WeChat's own button) saves to the album", async () => {
    const asked = await boot({ ...articleWithActions(), taps: ['保存海报'] })
    expect(text(asked)).toContain('用户隐私保护指引')
    expect(text(asked)).toContain('同意并继续')
    expect(asked.savedImages).toEqual([])
    const r = await boot({ ...articleWithActions(), taps: ['保存海报', '同意并继续'] })
    expect(r.privacyPrompts).toEqual(['saveImageToPhotosAlbum'])
    expect(r.savedImages).toHaveLength(1)
    expect(r.savedImages[0].bytes).toBeGreaterThan(1000)
    expect(r.toasts).toContain('海报已保存到相册')
    expect(text(r)).not.toContain('用户隐私保护指引')
  })

  it('declining the privacy guide (errno 104) says so, not that the album is off', async () => {
    const r = await boot({ ...articleWithActions(), taps: ['保存海报', '不同意'] })
    expect(r.savedImages).toEqual([])
    const said = r.toasts.join('\n')
    expect(said).toContain('需要先同意《用户隐私保护指引》')
    expect(said).not.toContain('权限')
  })

  it('album not declared in the privacy guide (errno 112): the office is told, not the member blamed', async () => {
    const r = await boot({ ...articleWithActions(), privacyDeclared: [], taps: ['保存海报'] })
    expect(r.toasts.join('\n')).toContain('隐私保护指引里还没有声明相册权限')
  })

  it('album refused: the member is shown the way back (open-type="openSetting"), and it works', async () => {
    const refused = await boot({ ...articleWithActions(), privacyAgreed: true, albumAnswer: 'deny', taps: ['保存海报'] })
    expect(refused.toasts.join('\n')).toContain('没有保存到相册的权限')
    expect(text(refused)).toContain('去设置：允许保存到相册')
    const back = await boot({
      ...article(),
      privacyAgreed: true,
      authSetting: { 'scope.writePhotosAlbum': false },
      settingsAllow: true,
      taps: ['保存海报', '去设置：允许保存到相册', '保存海报'],
    })
    expect(back.toasts).toContain('已允许保存到相册，请再点一次「保存海报」')
    expect(back.savedImages).toHaveLength(1)
    expect(text(back)).not.toContain('去设置')
  })
})

describe("Moments' single-page mode (scene 1154)", () => {
  it('home and article call nothing WeChat bars there (no login, no navigation)', async () => {
    for (const spec of [{ page: 'pages/index/index', api: server.base }, article()]) {
      const r = await boot({ ...spec, scene: 1154 })
      expect({ page: spec.page, refused: r.refused, login: r.calls.includes('login') }).toEqual({ page: spec.page, refused: [], login: false })
    }
  })
})
