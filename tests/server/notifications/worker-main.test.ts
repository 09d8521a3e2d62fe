/** `npm run worker` refuses bad configuration with a message naming the variable, and idles politely when off. */
import { spawnWorker } from './worker-process'

jest.setTimeout(60_000)

describe('worker process configuration', () => {
  const base = { DATA_DIR: '/nonexistent-ub-worker-test', WECHAT_APPID: 'wxappid', WECHAT_SECRET: 'secret', WECHAT_API_BASE: 'http://127.0.0.1:9' }

  it('stops with a message naming a bad variable', async () => {
    const w = spawnWorker({ ...base, WECHAT_TEMPLATE_NEW_ISSUE: 'T', WECHAT_SEND_RATE: 'fast' })
    expect(await w.exited).toEqual({ code: 1, signal: null })
    expect(w.output()).toMatch(/WECHAT_SEND_RATE must be a whole number/)
    expect(w.output()).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('needs WeChat credentials of its own', async () => {
    const w = spawnWorker({ DATA_DIR: base.DATA_DIR, WECHAT_TEMPLATE_NEW_ISSUE: 'T' })
    expect(await w.exited).toEqual({ code: 1, signal: null })
    expect(w.output()).toMatch(/WECHAT_APPID and WECHAT_SECRET must be set/)
  })

  it('exits quietly when subscribe messages are off', async () => {
    const w = spawnWorker(base)
    expect(await w.exited).toEqual({ code: 0, signal: null })
    expect(w.output()).toMatch(/WECHAT_TEMPLATE_NEW_ISSUE is not set/)
  })
})
