/**
 * 听全文 in the booted mini-program: the WechatSI stand-in (boot-page.cjs, by the plugin's documented
 * textToSpeech contract) is called piece by piece in order, each audio goes to the background audio
 * manager with the issue's label as its title, and failures are reported to the member.
 */
import { startServer, type RunningServer } from '../client/support/server'
import { boot, ensureWeappBuild } from './support/boot'

let server: RunningServer
let issueId: number
let articleId: number
let article: { title: string; paragraphs: string[] }

beforeAll(async () => {
  ensureWeappBuild()
  server = await startServer()
  const list = await (await fetch(server.base + '/api/issues')).json()
  issueId = list.items[0].id
  articleId = list.items[0].contents[1].articles[1].id
  article = (await (await fetch(`${server.base}/api/articles/${articleId}`)).json()).article
}, 200_000)
afterAll(async () => {
  await server?.stop()
})

describe('听全文 in the booted mini-program', () => {
  it('an article: the plugin is called piece by piece in order, each audio handed to the background audio manager', async () => {
    const r = await boot({ page: 'pages/article/index', query: { id: String(articleId) }, api: server.base, taps: ['听全文'], waitFor: '听全文' })
    const contents = r.ttsCalls.map((c) => c.content)
    expect(contents[0]).toBe(article.title)
    expect(contents.every((c) => c.length < 400)).toBe(true)
    expect(r.ttsCalls.every((c) => c.lang === 'zh_CN' && c.tts === true)).toBe(true)
    // In order, nothing skipped: the pieces read are the title, then the text as it is on screen.
    const body = article.paragraphs.join('')
    const spoken = contents
      .slice(1)
      .filter((c) => !c.startsWith('来源：'))
      .join('')
    expect(spoken.replace(/\s/g, '')).toBe(body.replace(/\s/g, ''))
    expect(contents.at(-1)).toMatch(/^来源：/)
    // Every synthesised file was played, in the same order, titled with the article.
    expect(r.audioEvents.map((e) => e.src)).toEqual(contents.map((_, i) => `https://tts.example/${i}.mp3`))
    expect(r.audioEvents[0].title).toBe(article.title)
  })

  it('an issue: the audio is titled with the issue label and reading starts with it', async () => {
    const r = await boot({ page: 'pages/issue/index', query: { id: String(issueId) }, api: server.base, taps: ['听全文'], waitFor: '听全文', audioPlays: 3 })
    expect(r.ttsCalls[0].content).toBe('工会信息〔2020〕第二十期。')
    expect(r.ttsCalls[1].content).toBe('栏目：要情动态。')
    expect(r.audioEvents[0].title).toBe('工会信息〔2020〕第二十期')
    expect(r.texts.join('')).toContain('第 1 / ')
  })

  it('error -20003 is reported, not swallowed', async () => {
    const r = await boot({
      page: 'pages/article/index',
      query: { id: String(articleId) },
      api: server.base,
      taps: ['听全文'],
      waitFor: '听全文',
      ttsFail: { at: 1, retcode: -20003 },
    })
    expect(r.texts.join('')).toContain('语音合成出错（-20003）')
    expect(r.audioEvents.length).toBe(1)
  })

  it('a network failure is reported in plain words', async () => {
    const r = await boot({
      page: 'pages/article/index',
      query: { id: String(articleId) },
      api: server.base,
      taps: ['听全文'],
      waitFor: '听全文',
      ttsFail: { at: 0, retcode: -20005 },
    })
    expect(r.texts.join('')).toContain('网络不通，无法朗读')
    expect(r.audioEvents).toEqual([])
  })

  it("an audio that cannot be fetched (the background audio manager's network error 10002) is reported too", async () => {
    const r = await boot({
      page: 'pages/article/index',
      query: { id: String(articleId) },
      api: server.base,
      taps: ['听全文'],
      waitFor: '听全文',
      audioFail: { at: 1, errCode: 10002, errMsg: 'network error' },
    })
    expect(r.texts.join('')).toContain('网络不通，无法朗读')
    expect(r.audioEvents.length).toBe(2)
  })
})
