/**
 * An article with a table and a picture in real Chromium at a phone's size, imported from a .docx
 * through the admin API: every cell in order in a table that scrolls sideways inside the column
 * (the page itself does not), the picture fetched resized from /api/media/:id?w=750 and shown with
 * its caption, and a tap opening the enlarged picture. Screenshots in tests/artifacts/e2e/.
 */
import type { Browser, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'
import { seriousViolations } from './a11y'
import { ADMIN_TOKEN, importDocxAndPublish } from './admin-import'

const ROWS = [
  ['区', '计划人次', '已完成', '完成率', '主要线路', '备注'],
  ['天河区', '3200', '2860', '89%', '从化温泉、增城白水寨', '含劳模专场'],
  ['白云区', '2800', '2100', '75%', '韶关丹霞山', '9月补报'],
  ['番禺区', '2500', '2450', '98%', '清远连州', '—'],
]

describeBrowser('H5 article with a table and a picture (390×844)', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let articleId: number

  beforeAll(async () => {
    ;({ browser, page } = await launchPhone())
    server = await startServer({ ADMIN_TOKEN })
    const issueId = await importDocxAndPublish(server.base, 'word-table-photo.docx')
    const issue = (await (await fetch(`${server.base}/api/issues/${issueId}`)).json()) as { sections: Array<{ items: Array<{ id: number; kind: string }> }> }
    articleId = issue.sections[0].items[0].id
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const shown = (selector: string) => page.locator(selector).locator('visible=true')

  it('shows every cell in order in a sideways-scrolling table, and the picture resized with its caption', async () => {
    const pictures: string[] = []
    page.on('response', (r) => {
      if (r.url().includes('/api/media/')) pictures.push(`${r.status()} ${r.url()}`)
    })
    await page.goto(`${server.base}/#/pages/article/index?id=${articleId}`)
    await shown('.title').filter({ hasText: '全市职工疗休养工作情况通报' }).waitFor()
    const cells = await shown('.block-tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('.block-td')).map((c) => (c.textContent ?? '').trim())))
    expect(cells).toEqual(ROWS)

    // The table is wider than the phone; its scroller, not the page, takes the overflow.
    const widths = await page.evaluate(() => {
      const scroller = Array.from(document.querySelectorAll('.block-table-scroll')).find((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement
      const inner = (scroller.querySelector('.block-table') as HTMLElement).getBoundingClientRect().width
      const scrolling = Array.from(scroller.querySelectorAll('*'))
        .concat(scroller)
        .find((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') as HTMLElement | undefined
      return {
        inner,
        scroller: scroller.getBoundingClientRect().width,
        canScroll: scrolling !== undefined,
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }
    })
    expect(widths.inner).toBeGreaterThan(widths.scroller)
    expect(widths.canScroll).toBe(true)
    expect(widths.page).toBeLessThanOrEqual(widths.viewport)
    await screenshot(page, 'blocks-01-table')

    const image = shown('.block-picture img').first()
    await image.scrollIntoViewIfNeeded()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.block-picture img')).some((i) => (i as HTMLImageElement).naturalWidth > 0))
    const natural = await image.evaluate((i) => [
      (i as HTMLImageElement).naturalWidth,
      (i as HTMLImageElement).naturalHeight,
      (i as HTMLImageElement).getBoundingClientRect().width,
    ])
    expect(natural.slice(0, 2)).toEqual([750, 500]) // 960×640 resized by the server
    expect(natural[2]).toBeGreaterThan(300) // the column's width on a 390 px phone
    expect(pictures.some((p) => /^200 .*\/api\/media\/[0-9a-f]{64}\?w=750$/.test(p))).toBe(true)
    await shown('.block-caption').filter({ hasText: '疗休养职工在从化温泉合影' }).waitFor()
    await screenshot(page, 'blocks-02-picture')
    // A table and pictures a screen reader can read: named pictures, no serious or critical axe finding.
    expect(await page.locator('.shell .block-picture img').first().getAttribute('alt')).toBe('疗休养职工在从化温泉合影')
    expect(await seriousViolations(page)).toEqual([])

    // Tap: Taro's H5 preview shows the picture enlarged, fetched at the preview width.
    await image.click()
    await page.waitForFunction(() => Array.from(document.querySelectorAll('img')).some((i) => i.src.includes('?w=1500') && i.naturalWidth > 0), undefined, { timeout: 5000 })
    await screenshot(page, 'blocks-03-preview')
  })

  it("draws the table and the picture in the server's page, readable with scripts off, where the app then draws them", async () => {
    const address = `${server.base}/articles/${articleId}`
    // Scripts off: a real table with every cell, the picture with its caption as its words.
    const off = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'zh-CN' })
    const plain = await off.newPage()
    await plain.goto(address)
    const cells = await plain
      .locator('#boot-body table.block-table tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((c) => c.textContent)))
    expect(cells).toEqual(ROWS)
    // The first row heads the columns.
    expect(await plain.locator('#boot-body table.block-table th[scope=col]').count()).toBe(ROWS[0].length)
    const picture = plain.locator('#boot-body .block-picture img').first()
    expect(await picture.getAttribute('alt')).toBe('疗休养职工在从化温泉合影')
    await picture.scrollIntoViewIfNeeded()
    await plain.waitForFunction(() => Array.from(document.querySelectorAll('#boot-body .block-picture img')).some((i) => (i as HTMLImageElement).naturalWidth === 750))
    await screenshot(plain, 'blocks-04-no-script')
    await off.close()

    // Where each thing is, below the title, in the server's page (app held back) and once the app
    // has drawn its own: the same places, so nothing moves when the app takes over.
    const places = (p: Page, root: string) =>
      p.evaluate((root) => {
        const top = (selector: string) => (document.querySelector(`${root} ${selector}`) as HTMLElement).getBoundingClientRect().top
        const title = top('.title')
        return Object.fromEntries(['.block-table', '.block-picture', '.block-caption'].map((s) => [s, Math.round(top(s) - title)]))
      }, root)
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'zh-CN' }
    const held = await browser.newContext(phone)
    const before = await held.newPage()
    await before.route(/\/(js|chunk)\//, (route) => route.abort())
    await before.goto(address)
    await before.waitForFunction(() => Array.from(document.querySelectorAll('#boot-body .block-picture img')).every((i) => (i as HTMLImageElement).complete))
    const drawnByServer = await places(before, '#boot-body')
    expect(await seriousViolations(before)).toEqual([])
    await held.close()
    const running = await browser.newContext(phone)
    const after = await running.newPage()
    await after.goto(address)
    await after.locator('.shell .block-caption').locator('visible=true').first().waitFor()
    await after.waitForFunction(() =>
      Array.from(document.querySelectorAll('.shell .block-picture img')).every((i) => (i as HTMLImageElement).complete && i.getBoundingClientRect().height > 0),
    )
    const app = await places(after, '.shell')
    await running.close()
    expect(app).toEqual(drawnByServer)
  })
})
