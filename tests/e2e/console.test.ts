/**
 * The editors' console in real Chromium at 1366×768, against the real server (a temp SQLite file)
 * talking to the local WeChat stand-in: an editor uploads a .docx with warnings (and another file at
 * once, refused with its line); the chief publishes it and watches the fan-out reach 100 %; members read it in the
 * H5 reader; the chief unpublishes it. Previewing, checking, fixing and correcting: console-check.test.ts.
 * Screenshots in tests/artifacts/e2e/console-*.png; axe on every screen.
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
    await page.context().clearCookies()
    await page.goto(server.base + '/console/')
    await page.getByLabel('用户名').fill(name)
    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { name: '期刊列表' }).waitFor()
  }
  const tab = (words: string) => page.getByRole('navigation', { name: '本期' }).getByRole('link', { name: words })

  it('an editor signs in, uploads a .docx with warnings, and opens the new draft', async () => {
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

    // The check screen opens on the new draft.
    await page.getByRole('heading', { name: LABEL, exact: false }).waitFor()

    // An editor is not offered publishing.
    expect(await tab('签发').count()).toBe(0)

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

  it('members see it in the H5 reader; the chief unpublishes it with a reason; the audit log holds each step', async () => {
    const phone = await phoneOf(browser)
    await phone.goto(server.base + '/')
    await phone.getByText(LABEL).locator('visible=true').first().click()
    await phone.getByText(TITLE).locator('visible=true').first().waitFor()
    await phoneShot(phone, '09-reader-issue')
    const issueId = Number(/\/issues\/(\d+)/.exec(page.url().replace('#', ''))?.[1])

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
    for (const words of ['李编辑 上传', '张主任 签发', '张主任 撤回', '数据待核实']) expect(rows).toContain(words)
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
