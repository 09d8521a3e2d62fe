/**
 * The editors' console in real Chromium at 1366×768, against the real server (a temp SQLite file)
 * talking to the local WeChat stand-in: an editor uploads a .docx with warnings, checks and fixes it
 * and previews it in the phone frame; the chief publishes it and watches the fan-out reach 100 %;
 * members read it in the H5 reader; the chief corrects an article (readers see the notice) and
 * unpublishes the issue. Screenshots in tests/artifacts/e2e/console-*.png; axe on every screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { ROOT, startServer, type RunningServer } from '../client/support/server'
import { startFakeWechat, type FakeWechat } from '../../src/server/wechat/fake-server'
import { seriousViolations } from './a11y'
import { SHOTS } from './browser'
import { addEditor, deskShot, launchDesk, phoneOf, subscribers, TEMPLATE } from './console-support'

const DOCX = path.join(ROOT, 'tests/fixtures/corpus/word-subheadings.docx')
const LABEL = '〔2022〕第十期'
const TITLE = '白云区总工会“三个一”工作法推动职工服务提质增效'
const FIXED_TITLE = '白云区“三个一”工作法推动职工服务提质增效'
const MEMBERS = 6
const GRANTED = 5

describeBrowser('editors’ console in Chromium (1366×768)', () => {
  let fake: FakeWechat
  let server: RunningServer
  let browser: Browser
  let page: Page
  let scratch: string
  const shot = (name: string) => deskShot(page, `console-${name}`)
  const axe = async (screen: string) => expect({ screen, violations: await seriousViolations(page) }).toEqual({ screen, violations: [] })

  beforeAll(async () => {
    ;({ browser, page } = await launchDesk())
    fake = await startFakeWechat({ templates: [TEMPLATE] })
    const wechat = { WECHAT_API_BASE: fake.baseUrl, WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_TEMPLATE_NEW_ISSUE: TEMPLATE }
    server = await startServer({ ...wechat, WECHAT_SEND_RATE: '0', NOTIFY_POLL_MS: '100' })
    await addEditor({ DATA_DIR: server.dataDir, ...wechat }, '李编辑', 'editor', 'li-bian-ji-password')
    await addEditor({ DATA_DIR: server.dataDir, ...wechat }, '张主任', 'chief', 'zhang-zhu-ren-password')
    await subscribers(
      server.base,
      fake,
      Array.from({ length: MEMBERS }, (_, i) => `console-member-${i}`),
      GRANTED,
    )
    scratch = mkdtempSync(path.join(os.tmpdir(), 'ub-console-'))
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await fake?.close()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  async function signIn(name: string, password: string) {
    await page.goto(server.base + '/console/')
    await page.getByLabel('用户名').fill(name)
    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { name: '期刊列表' }).waitFor()
  }
  const tab = (words: string) => page.getByRole('navigation', { name: '本期' }).getByRole('link', { name: words })
  const lineItem = (n: number) => page.locator(`#line-${n}`)

  it('an editor signs in, uploads a .docx with warnings, checks it, fixes a title and a source, and previews it', async () => {
    await page.goto(server.base + '/console/')
    await page.getByRole('heading', { name: '工会信息 编辑台' }).waitFor()
    await axe('sign-in')
    await page.getByLabel('用户名').fill('李编辑')
    await page.getByLabel('密码').fill('not-the-password')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('alert').waitFor()
    await shot('01-sign-in-refused')

    await signIn('李编辑', 'li-bian-ji-password')
    await page.getByRole('row', { name: /〔2020〕第二十期/ }).waitFor()
    await shot('02-list')
    await axe('list')

    // Two files at once through the picker: the .docx becomes a draft; a note with no masthead is refused with its line.
    const scrap = path.join(scratch, '随手记.txt')
    writeFileSync(scrap, '明天下午开会\n')
    await page.getByRole('link', { name: '上传文稿' }).first().click()
    await page.getByRole('heading', { name: '上传文稿' }).waitFor()
    await axe('upload')
    await page.locator('#files').setInputFiles([DOCX, scrap])
    const reports = page.getByRole('list', { name: '上传结果' })
    await reports.getByText('已成为草稿').waitFor()
    await reports.getByText('没有导入').waitFor()
    expect(await reports.getByText('有 2 处需要核对').count()).toBe(1)
    expect(await reports.locator('li.bad li').first().innerText()).toMatch(/^第 \d+ 行：/)
    await shot('03-upload-reports')
    await reports.getByRole('link', { name: LABEL }).click()

    // The check screen: lines numbered, structure beside them, warnings pinned to their lines.
    await page.getByRole('heading', { name: /原文/ }).waitFor()
    await lineItem(9).locator('.pinned').waitFor()
    expect(await lineItem(9).locator('.pinned').innerText()).toContain('一张清单摸需求')
    await page.getByRole('button', { name: /第 14 行 .*一支队伍强服务/ }).click()
    await page.locator('#line-14.chosen').waitFor()
    expect(await isInView(page, '#line-14')).toBe(true)
    // …and the other way: a line picks its place in the structure.
    await lineItem(9).getByRole('button').click()
    await page.locator('.structure .chosen', { hasText: '一张清单摸需求' }).waitFor()
    await shot('04-check')
    await axe('check')

    // Fix the title's words, then the source, each on its line; the edits list records both.
    await page.locator('.structure button', { hasText: TITLE }).click()
    await page.getByLabel(/这一行的文字/).fill(FIXED_TITLE)
    await page.getByRole('button', { name: '保存文字' }).click()
    await page.locator('.structure .node.article', { hasText: FIXED_TITLE }).waitFor()
    await page.locator('.structure .node.source button').click()
    await page.getByLabel(/这一行的文字/).fill('（白云区总工会 李明）')
    await page.getByRole('button', { name: '保存文字' }).click()
    await page.locator('.structure .node.source', { hasText: '李明' }).waitFor()
    await shot('05-fixed')
    await tab('基本信息').click()
    await page.getByRole('heading', { name: '修改记录' }).waitFor()
    await page.locator('.edit-list li', { hasText: FIXED_TITLE }).waitFor()
    await page.locator('.edit-list li', { hasText: '李明' }).waitFor()

    // An editor is not offered publishing.
    expect(await tab('签发').count()).toBe(0)

    // Preview: the real H5 reader in the phone frame, showing the draft.
    await tab('预览').click()
    const frame = page.locator('iframe.phone')
    await frame.waitFor()
    expect(await frame.evaluate((f) => [f.clientWidth, f.clientHeight])).toEqual([390, 844])
    await page.frameLocator('iframe.phone').getByText(LABEL).first().waitFor({ timeout: 20_000 })
    await shot('06-preview')
    await axe('preview')
    await page.getByRole('button', { name: '退出' }).click()
    await page.getByRole('button', { name: '登录' }).waitFor()
  }, 180_000)

  it('the chief publishes it, sees how many members will be told, and watches the fan-out reach 100 %', async () => {
    await signIn('张主任', 'zhang-zhu-ren-password')
    await page.getByRole('link', { name: LABEL }).click()
    await tab('签发').click()
    await page.getByText(`签发后将通知 ${MEMBERS} 位订阅的会员`).waitFor()
    await page.locator('.message').waitFor()
    await axe('publish')
    await page.getByRole('button', { name: '签发…' }).click()
    await page.getByText(`并通知 ${MEMBERS} 位会员吗`).waitFor()
    await shot('07-publish-confirm')
    await page.getByRole('button', { name: '确认签发' }).click()
    await page.getByTestId('delivery-percent').filter({ hasText: '100%' }).waitFor({ timeout: 30_000 })
    const counts = await page.locator('.counts').innerText()
    expect(counts.replace(/\s+/g, ' ')).toContain(`共 ${MEMBERS} 排队中 0 已送达 ${GRANTED} 会员拒收 ${MEMBERS - GRANTED}`)
    expect(fake.sentMessages.filter((m) => m.template_id === TEMPLATE).length).toBe(GRANTED)
    await shot('08-fan-out-done')
  }, 120_000)

  it('members see it in the H5 reader; a correction reaches them with its notice; unpublishing takes it away', async () => {
    const phone = await phoneOf(browser)
    await phone.goto(server.base + '/')
    await phone.getByText(LABEL).first().click()
    await phone.getByText(FIXED_TITLE).first().waitFor()
    await phoneShot(phone, '09-reader-issue')
    const issueId = Number(/\/issues\/(\d+)/.exec(page.url().replace('#', ''))?.[1])
    const detail = await (await fetch(`${server.base}/api/issues/${issueId}`)).json()
    const articleId: number = detail.sections[0].items[0].id

    // The chief corrects one line of the article, with a 更正说明.
    await tab('更正').click()
    await page.getByLabel('要改的行').selectOption({ label: (await page.locator('#correct-line option', { hasText: '2.3万人次' }).innerText()).trim() })
    const text = await page.getByLabel('改后的文字').inputValue()
    await page.getByLabel('改后的文字').fill(text.replace('2.3万人次', '2.4万人次'))
    await page.getByLabel('更正说明').fill('全年服务职工应为2.4万人次')
    await page.getByRole('button', { name: '发布更正' }).click()
    await page.getByText('已更正 1 篇文章').waitFor()
    await shot('11-corrected')
    await axe('correction')

    await phone.goto(`${server.base}/articles/${articleId}`)
    await phone.getByText(/本文已于 \d{4}年\d{1,2}月\d{1,2}日 更正：全年服务职工应为2.4万人次/).waitFor()
    await phone
      .getByText(/2\.4万人次/)
      .first()
      .waitFor()
    await phoneShot(phone, '12-reader-correction')

    // Unpublish, with a reason: the issue is a draft again and the public API no longer serves it.
    await tab('签发').click()
    await page.getByLabel('撤回原因').fill('数据待核实')
    await page.getByRole('button', { name: '撤回' }).click()
    await page.locator('.issue-head .status.draft').waitFor()
    expect((await fetch(`${server.base}/api/issues/${issueId}`)).status).toBe(404)
    await shot('13-unpublished')

    // The audit log holds each step, by whom.
    await tab('操作记录').click()
    const log = page.locator('table.audit')
    await log.waitFor()
    const rows = (await log.innerText()).replace(/\s+/g, ' ')
    for (const words of ['李编辑 上传', '李编辑 修改', '张主任 签发', '张主任 更正', '张主任 撤回', '数据待核实']) expect(rows).toContain(words)
    await shot('14-audit')
    await axe('audit')
    await phone.context().close()
  }, 120_000)
})

/** The member's phone, once its page has stood still (Taro's H5 router slides pages in). */
async function phoneShot(phone: Page, name: string) {
  await phone.waitForTimeout(800)
  await phone.screenshot({ path: path.join(SHOTS, `console-${name}.png`) })
}

/** Whether an element is inside its scrolling pane's visible part. */
function isInView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const pane = el.closest('.pane')!.getBoundingClientRect()
    const box = el.getBoundingClientRect()
    return box.top >= pane.top && box.bottom <= pane.bottom
  })
}
