/**
 * The console's preview link in real Chromium at a phone's size: an editor uploads a draft, asks for
 * a preview link, and the H5 reader at that address shows the draft and its articles under
 * "预览：尚未发布"; the same address without the token finds nothing. Screenshots in
 * tests/artifacts/e2e/ (console-preview-*.png).
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { openStorage } from '../../src/server/storage/open'
import { hashPassword } from '../../src/server/auth/passwords'
import { launchPhone, screenshot } from './browser'
import { sampleAs } from './admin-import'

const PASSWORD = 'preview password'

describeBrowser('console preview of a draft in the H5 reader (390×844)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let issueId: number
  let previewUrl: string
  let firstTitle: string

  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer()
    const storage = await openStorage({ dataDir: server.dataDir, databaseUrl: null })
    await storage.editors.create('王编辑', 'editor', await hashPassword(PASSWORD))
    await storage.close()
    const signIn = await fetch(`${server.base}/api/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '王编辑', password: PASSWORD }),
    })
    const { csrfToken } = (await signIn.json()) as { csrfToken: string }
    const headers = { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken }
    const form = new FormData()
    form.append('file', new Blob([sampleAs(2021, 5)], { type: 'text/markdown' }), '2021-20.md')
    const upload = (await (await fetch(`${server.base}/api/console/issues`, { method: 'POST', headers, body: form })).json()) as { reports: Array<{ id: number }> }
    issueId = upload.reports[0].id
    previewUrl = ((await (await fetch(`${server.base}/api/console/issues/${issueId}/preview`, { method: 'POST', headers })).json()) as { url: string }).url
    const draft = (await (await fetch(`${server.base}/api/issues/${issueId}?${previewUrl.split('?')[1]}`)).json()) as {
      sections: Array<{ items: Array<{ kind: string; title?: string }> }>
    }
    firstTitle = draft.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')!.title!
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const text = (t: string) => page.getByText(t, { exact: false }).locator('visible=true').first()

  it('shows the draft issue under the preview banner, and its articles too', async () => {
    await page.goto(server.base + previewUrl)
    await text('预览：尚未发布').waitFor()
    await text('〔2021〕第二十期').waitFor()
    await screenshot(page, 'console-preview-issue')
    await text(firstTitle).click()
    await page.waitForURL(/\/articles\/\d+/)
    await page.locator('.title', { hasText: firstTitle }).locator('visible=true').first().waitFor()
    await text('预览：尚未发布').waitFor()
    await screenshot(page, 'console-preview-article')
  })

  it('finds nothing at the same address without the token', async () => {
    const res = await fetch(`${server.base}/issues/${issueId}`)
    expect(res.status).toBe(404)
    const fresh = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await fresh.goto(`${server.base}/issues/${issueId}`)
    await fresh.getByText('找不到', { exact: false }).first().waitFor()
    expect(await fresh.getByText('预览：尚未发布').count()).toBe(0)
    await fresh.close()
  })
})
