/**
 * The console's check, fix, preview and correction screens in Chromium at 1366×768, against the real
 * server: the document's lines beside the structure read from them, warnings pinned to their lines
 * and clickable both ways; a title and a source fixed on their lines and recorded; the draft in the
 * phone frame (the H5 reader with a preview token); after publishing, a correction that readers see
 * as "本文已于 … 更正：…". The check screen's picture is the README's (docs/screenshot-console-check.png).
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ROOT, startServer, type RunningServer } from '../client/support/server'
import { startFakeWechat, type FakeWechat } from '../../src/server/wechat/fake-server'
import { seriousViolations } from './a11y'
import { SHOTS } from './browser'
import { describeBrowser } from '../support/requirements'
import { addEditor, deskShot, launchDesk, phoneOf, TEMPLATE } from './console-support'

const DOCX = path.join(ROOT, 'tests/fixtures/corpus/word-subheadings.docx')
const LABEL = '〔2022〕第十期'
const TITLE = '白云区总工会“三个一”工作法推动职工服务提质增效'
const FIXED_TITLE = '白云区“三个一”工作法推动职工服务提质增效'

describeBrowser('editors’ console: check, fix, preview, correct (1366×768)', () => {
  let fake: FakeWechat
  let server: RunningServer
  let browser: Browser
  let page: Page
  const shot = (name: string) => deskShot(page, `console-check-${name}`)
  const axe = async (screen: string) => expect({ screen, violations: await seriousViolations(page) }).toEqual({ screen, violations: [] })
  const tab = (words: string) => page.getByRole('navigation', { name: '本期' }).getByRole('link', { name: words })
  const lineItem = (n: number) => page.locator(`#line-${n}`)

  beforeAll(async () => {
    ;({ browser, page } = await launchDesk())
    fake = await startFakeWechat({ templates: [TEMPLATE] })
    const wechat = { WECHAT_API_BASE: fake.baseUrl, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_TEMPLATE_NEW_ISSUE: TEMPLATE }
    server = await startServer({ ...wechat, WECHAT_SEND_RATE: '0', NOTIFY_POLL_MS: '100' })
    await addEditor({ DATA_DIR: server.dataDir, ...wechat }, '张主任', 'chief', 'zhang-zhu-ren-password')
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await fake?.close()
  })

  it('checks the draft both ways, fixes a title and a source, previews it, publishes it and corrects an article readers then see corrected', async () => {
    await page.goto(server.base + '/console/')
    await page.getByLabel('用户名').fill('张主任')
    await page.getByLabel('密码').fill('zhang-zhu-ren-password')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { name: '期刊列表' }).waitFor()
    await page.getByRole('link', { name: '上传文稿' }).first().click()
    await page.locator('#files').setInputFiles([DOCX])
    await page.getByRole('list', { name: '上传结果' }).getByRole('link', { name: LABEL }).click()

    // The check screen: lines numbered, structure beside them, warnings pinned to their lines.
    await page.getByRole('heading', { name: /原文/ }).waitFor()
    await lineItem(9).locator('.pinned').waitFor()
    expect(await lineItem(9).locator('.pinned').innerText()).toContain('一张清单摸需求')
    await page.locator('.warnings button.warning', { hasText: '一支队伍强服务' }).click()
    await page.locator('#line-14.chosen').waitFor()
    expect(await isInView(page, '#line-14')).toBe(true)
    // …and the other way: a line picks its place in the structure.
    await lineItem(9).getByRole('button').click()
    await page.getByRole('button', { name: '小标题 一张清单摸需求 第 9 行', pressed: true }).waitFor()
    await shot('01-check')
    await axe('check')

    // Fix the title's words, then the source, each on its line; the edits list records both.
    await page.locator('.structure button', { hasText: TITLE }).click()
    await page.getByLabel(/这一行的文字/).fill(FIXED_TITLE)
    await page.getByRole('button', { name: '保存文字' }).click()
    // The contents list still names the old words, so the line is marked as a title in so many words.
    await page.locator('.line.chosen', { hasText: FIXED_TITLE }).waitFor()
    await page.getByRole('button', { name: '标题', exact: true }).click()
    await page.locator('.structure .node.article', { hasText: FIXED_TITLE }).waitFor()
    await page.locator('.structure .node.source button').click()
    await page.getByLabel(/这一行的文字/).fill('（白云区总工会 李明）')
    await page.getByRole('button', { name: '保存文字' }).click()
    await page.locator('.structure .node.source', { hasText: '李明' }).waitFor()
    await shot('02-fixed')
    await tab('基本信息').click()
    await page.locator('.edit-list li', { hasText: FIXED_TITLE }).waitFor()
    await page.locator('.edit-list li', { hasText: '李明' }).waitFor()
    await axe('facts')

    // Preview: the real H5 reader in the phone frame, showing the draft.
    await tab('预览').click()
    const frame = page.locator('iframe.phone')
    await frame.waitFor()
    expect(await frame.evaluate((f) => [f.clientWidth, f.clientHeight])).toEqual([390, 844])
    await page.frameLocator('iframe.phone').getByText(FIXED_TITLE).first().waitFor({ timeout: 20_000 })
    // …and the draft's share card and poster, drawn for the preview (a draft has no public card).
    await page.waitForFunction(() => {
      const pictures = [...document.querySelectorAll<HTMLImageElement>('img[alt="聊天里的分享卡片"], img[alt="朋友圈海报"]')]
      return pictures.length === 2 && pictures.every((p) => p.complete && p.naturalWidth > 0)
    })
    await shot('03-preview')
    await axe('preview')

    // Publish, then correct one line of the article with a 更正说明.
    await tab('签发').click()
    await page.getByRole('button', { name: '签发…' }).click()
    await page.getByRole('button', { name: '确认签发' }).click()
    await page.getByTestId('delivery-percent').filter({ hasText: '100%' }).waitFor({ timeout: 30_000 })
    await tab('更正').click()
    const option = (await page.locator('#correct-line option', { hasText: '2.3万人次' }).innerText()).trim()
    await page.getByLabel('要改的行').selectOption({ label: option })
    const text = await page.getByLabel('改后的文字').inputValue()
    await page.getByLabel('改后的文字').fill(text.replace('2.3万人次', '2.4万人次'))
    await page.getByLabel('更正说明').fill('全年服务职工应为2.4万人次')
    await page.getByRole('button', { name: '发布更正' }).click()
    await page.getByText('已更正 1 篇文章').waitFor()
    await shot('04-corrected')
    await axe('correction')

    const issueId = Number(/#\/issues\/(\d+)/.exec(page.url())?.[1])
    const detail = await (await fetch(`${server.base}/api/issues/${issueId}`)).json()
    const articleId: number = detail.sections[0].items[0].id
    const phone = await phoneOf(browser)
    await phone.goto(`${server.base}/articles/${articleId}`)
    await phone
      .getByText(/本文已于 \d{4}年\d{1,2}月\d{1,2}日 更正：全年服务职工应为2.4万人次/)
      .locator('visible=true')
      .waitFor()
    await phone.waitForTimeout(800) // Taro's H5 router slides the page in: picture it standing still
    await phone.screenshot({ path: path.join(SHOTS, 'console-check-05-reader-correction.png') })
    await phone.context().close()
  }, 240_000)
})

/** Whether an element is inside its scrolling pane's visible part. */
function isInView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const pane = el.closest('.pane')!.getBoundingClientRect()
    const box = el.getBoundingClientRect()
    return box.top >= pane.top && box.bottom <= pane.bottom
  })
}
