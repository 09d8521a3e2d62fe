/** docs/deploy-weapp.md covers every step an office needs to put the mini-program on WeChat. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../client/support/server'

const doc = readFileSync(path.join(ROOT, 'docs/deploy-weapp.md'), 'utf8')

describe('docs/deploy-weapp.md', () => {
  it.each([
    ['filing', '小程序备案'],
    ['service category', '服务类目'],
    ['request domain', 'request 合法域名'],
    ['download domain', 'downloadFile 合法域名'],
    ['privacy guide entry', '相册（仅写入）'],
    ['subscribe template', '一次性订阅'],
    ['template keywords', 'WECHAT_TEMPLATE_FIELDS'],
    ['build variables', 'TARO_APP_API_BASE=https://'],
    ['appid', 'WECHAT_APPID'],
    ['trial upload', '体验版'],
    ['minimum base library', '基础库最低版本'],
  ])('covers the %s (%s)', (_what, words) => {
    expect(doc).toContain(words)
  })

  it('ends with a checklist for iPhone and Android: sign-in, subscribe, share to chat and Moments, scan a poster', () => {
    const checklist = doc.slice(doc.indexOf('Checklist'))
    for (const words of ['iPhone', 'Android', 'Sign-in', 'Subscribe', 'Share to chat', 'Share to Moments', 'Scan a poster']) expect(checklist).toContain(words)
  })
})
