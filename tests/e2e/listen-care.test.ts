/**
 * 听全文 and 长辈版 in Chromium. speechSynthesis is replaced by a stub that records what it is asked
 * to say and finishes a piece only when the test says so (window.__speech.finish()), so the order,
 * pause/resume and the moving mark are checked without waiting on real speech.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { describeBrowser } from '../support/requirements'
import { startServer, type RunningServer } from '../client/support/server'
import { launchPhone, screenshot } from './browser'

function stubSpeech(voices: Array<{ lang: string; name: string }>) {
  const w = window as unknown as Record<string, unknown>
  // A plain function: babel's class-field helpers would not exist inside the page.
  type Utterance = { text: string; onstart?: () => void; onend?: () => void; onerror?: (e: { error: string }) => void }
  function Utterance(this: Utterance, text: string) {
    this.text = text
  }
  const state = { spoken: [] as string[], current: null as Utterance | null, queue: [] as Utterance[], paused: false, calls: [] as string[] }
  const next = () => {
    state.current = state.queue.shift() ?? null
    if (state.current) {
      state.spoken.push(state.current.text)
      state.current.onstart?.()
    }
  }
  const synth = {
    getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, default: true, localService: true })),
    speak(u: Utterance) {
      state.queue.push(u)
      if (!state.current) next()
    },
    cancel() {
      state.calls.push('cancel')
      state.queue = []
      const c = state.current
      state.current = null
      c?.onerror?.({ error: 'interrupted' })
    },
    pause() {
      state.calls.push('pause')
      state.paused = true
    },
    resume() {
      state.calls.push('resume')
      state.paused = false
    },
    addEventListener() {},
    removeEventListener() {},
    get speaking() {
      return !!state.current
    },
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  w.SpeechSynthesisUtterance = Utterance
  w.__speech = {
    state,
    finish() {
      const c = state.current
      state.current = null
      c?.onend?.()
      if (!state.current) next()
    },
  }
}

const ZH = [{ lang: 'zh-CN', name: 'Stub Chinese' }]
const spoken = (page: Page) => page.evaluate(() => (window as any).__speech.state.spoken as string[])
const finish = (page: Page) => page.evaluate(() => (window as any).__speech.finish())

/** Where the article's title and first paragraphs are on screen. */
const textPlaces = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.title, .para')].slice(0, 4).map((el) => Math.round(el.getBoundingClientRect().top)))

/** Runs in the page: content blocks (cards, paragraphs, contents entries) side by side, not in one column. */
function sideBySide(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.shell .issue-card, .shell .para, .shell .toc-item, .shell .title')]
      .map((el) => ({ text: el.textContent?.trim().slice(0, 8) ?? '', r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.left < window.innerWidth && r.right > 0)
    const out: string[] = []
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const overlapY = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top)
        const apartX = a.r.right <= b.r.left + 1 || b.r.right <= a.r.left + 1
        if (overlapY > 1 && apartX) out.push(`${a.text} | ${b.text}`)
      }),
    )
    return out
  })
}

/** Runs in the page: what in the reading dock is cut off (the dock scrolling inside, or a control past the screen's edge). */
function dockClipped(page: Page) {
  return page.evaluate(() => {
    const dock = document.querySelector('.listen-dock') as HTMLElement
    const out: string[] = []
    if (dock.scrollHeight > dock.clientHeight + 1) out.push(`dock scrolls: ${dock.scrollHeight} in ${dock.clientHeight}`)
    for (const el of dock.querySelectorAll('.btn, .taro-text')) {
      const r = el.getBoundingClientRect()
      if (r.width && (r.top < -1 || r.bottom > window.innerHeight + 1 || r.left < -1 || r.right > window.innerWidth + 1))
        out.push(`${el.textContent?.trim().slice(0, 8)} ${Math.round(r.top)}–${Math.round(r.bottom)}`)
    }
    return out
  })
}

/** Runs in the page: text elements whose contrast is below `min`. */
function lowContrast(page: Page, min: number) {
  return page.evaluate((minimum) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor)
        if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c
      }
      return [255, 255, 255]
    }
    const bad: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent?.trim() || !el.closest('.shell')) continue
      const style = getComputedStyle(el)
      if (el.getBoundingClientRect().width === 0 || style.visibility === 'hidden' || (el as HTMLElement).offsetParent === null) continue
      const [l1, l2] = [lum(parse(style.color)), lum(background(el))].sort((a, b) => b - a)
      const ratio = (l1 + 0.05) / (l2 + 0.05)
      if (ratio < minimum) bad.push(`${node.textContent.trim().slice(0, 12)} ${ratio.toFixed(2)}`)
    }
    return bad
  }, min)
}

describeBrowser('听全文 and 长辈版 in the H5 client', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let article: { title: string; paragraphs: string[] }
  beforeAll(async () => {
    ;({ browser, context, page } = await launchPhone())
    server = await startServer()
    article = (await (await fetch(server.base + '/api/articles/2')).json()).article
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  const visible = (p: Page, selector: string) => p.locator(selector).locator('visible=true')

  it('reads an article in order, marks the sentence, pauses and resumes, and keeps playing on another page', async () => {
    await page.addInitScript(stubSpeech, ZH)
    await page.goto(server.base + '/#/pages/article/index?id=2')
    await visible(page, '.para').first().waitFor()
    const before = await textPlaces(page)
    await visible(page, '.btn').filter({ hasText: '听全文' }).first().click()
    await visible(page, '.listen-toggle').first().waitFor()
    expect(await spoken(page)).toEqual([article.title])
    // The controls dock over the bottom of the screen: what the member is reading stays where it was.
    expect(await textPlaces(page)).toEqual(before)
    const dock = (await visible(page, '.listen-dock').first().boundingBox())!
    expect(Math.round(dock.y + dock.height)).toBe(page.viewportSize()!.height)
    expect(await visible(page, '.title.reading').count()).toBe(1)
    await finish(page)
    const [, first] = await spoken(page)
    expect(article.paragraphs[0].startsWith(first)).toBe(true)
    await page.waitForFunction((text) => document.querySelector('.para .reading')?.textContent === text, first)
    await finish(page)
    const second = (await spoken(page))[2]
    await page.waitForFunction((text) => document.querySelector('.para .reading')?.textContent === text, second)
    await screenshot(page, '30-listen-article')

    await visible(page, '.listen-toggle').first().click()
    expect(await page.evaluate(() => (window as any).__speech.state.paused)).toBe(true)
    await visible(page, '.listen-toggle').filter({ hasText: '继续' }).first().waitFor()
    await visible(page, '.listen-toggle').first().click()
    expect(await page.evaluate(() => (window as any).__speech.state.paused)).toBe(false)

    // The dock lies over the bottom of the screen, but not over the page's end: scrolled to the
    // end, as a member would, the page's own 返回首页 stands clear above it and takes the tap.
    // (Taro's H5 page scrolls inside its own element, not the window: scroll whatever holds the button.)
    await page.evaluate(() => {
      const buttons = [...document.querySelectorAll('.btn')].filter((b) => b.textContent?.includes('返回首页'))
      for (let el = buttons[buttons.length - 1]?.parentElement; el; el = el.parentElement) el.scrollTop = el.scrollHeight
    })
    const home = visible(page, '.btn').filter({ hasText: '返回首页' }).last()
    await page.waitForFunction(() => {
      const dock = document.querySelector('.listen-dock')!.getBoundingClientRect()
      const buttons = [...document.querySelectorAll('.btn')].filter((b) => b.textContent?.includes('返回首页'))
      const box = buttons[buttons.length - 1]?.getBoundingClientRect()
      return !!box && box.height > 0 && box.bottom <= dock.top
    })
    const centre = (await home.boundingBox())!
    expect(
      await page.evaluate(
        ([x, y]) => !!document.elementFromPoint(x, y)?.closest('.btn')?.textContent?.includes('返回首页'),
        [centre.x + centre.width / 2, centre.y + centre.height / 2],
      ),
    ).toBe(true)
    await screenshot(page, '30b-listen-page-end')
    await home.click()
    await visible(page, '.mini-player').first().waitFor()
    expect(await visible(page, '.mini-player').first().innerText()).toContain(article.title)
    await screenshot(page, '31-listen-mini-bar')
    await visible(page, '.mini-player .btn').filter({ hasText: '停止' }).click()
    await visible(page, '.mini-player').first().waitFor({ state: 'detached' })
  }, 60_000)

  it('reads a whole issue: sections announced, articles and briefs in order, position shown', async () => {
    const p = await context.newPage()
    await p.addInitScript(stubSpeech, ZH)
    await p.goto(server.base + '/#/pages/issue/index?id=1')
    await visible(p, '.btn').filter({ hasText: '听全文' }).first().click()
    await visible(p, '.listen-where').first().waitFor()
    expect(await visible(p, '.listen-where').first().innerText()).toMatch(/^第 1 \/ \d+ 条 · 要情动态 · /)
    for (let i = 0; i < 3000 && (await p.evaluate(() => !!(window as any).__speech.state.current)); i++) await finish(p)
    const said = await spoken(p)
    const issue = await (await fetch(server.base + '/api/issues/1')).json()
    expect(said[0]).toBe('工会信息〔2020〕第二十期。')
    expect(said.filter((s) => s.startsWith('栏目：'))).toEqual(issue.sections.map((s: { name: string }) => `栏目：${s.name.replace(/[〔〕]/g, '')}。`))
    const titles = issue.sections.flatMap((s: any) => s.items.filter((i: any) => i.kind === 'article').map((i: any) => i.title))
    const at = titles.map((t: string) => said.indexOf(t))
    expect(at.every((n: number) => n >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    const lastBrief = issue.sections.at(-1).items.at(-1)
    expect(lastBrief.kind).toBe('brief')
    expect(said.join('')).toContain(lastBrief.text.slice(0, 20))
    await p.close()
  }, 90_000)

  it('without a Chinese voice the button says this browser cannot read aloud and offers the mini-program', async () => {
    const p = await context.newPage()
    await p.addInitScript(stubSpeech, [{ lang: 'en-US', name: 'English' }])
    await p.goto(server.base + '/#/pages/article/index?id=2')
    await visible(p, '.btn').filter({ hasText: '听全文' }).first().click()
    await visible(p, '.listen-message').first().waitFor()
    expect(await visible(p, '.listen-message').first().innerText()).toContain('不能朗读中文。请在微信中打开「工会信息」小程序收听')
    expect(await spoken(p)).toEqual([])
    await screenshot(p, '32-listen-no-voice')
    await p.close()
  }, 30_000)

  for (const [width, height] of [
    [390, 844],
    [320, 568],
  ]) {
    it(`长辈版 at ${width}×${height}: text ≥ 20 px, spacing ≥ 1.5, taps ≥ 60 px, contrast ≥ 7:1, nothing cut off`, async () => {
      const p = await context.newPage()
      await p.addInitScript(stubSpeech, ZH)
      await p.setViewportSize({ width, height })
      await p.goto(server.base + '/#/pages/index/index')
      await visible(p, '.shell').first().waitFor()
      if (!(await visible(p, '.shell.care').count())) await visible(p, '.btn').filter({ hasText: '长辈版' }).click()
      await visible(p, '.shell.care').first().waitFor()
      await screenshot(p, `33-care-home-${width}`)
      // Each page is checked once its own content is there (and nothing more is loading).
      const ready: Record<string, string> = {
        '/#/pages/index/index': '.issue-card',
        '/#/pages/article/index?id=2': '.para',
        '/#/pages/issue/index?id=1': '.toc-item, .issue-card, .para, .brief',
        '/#/pages/settings/index': '.btn.step',
      }
      for (const route of Object.keys(ready)) {
        await p.goto(server.base + route)
        await visible(p, '.shell.care').first().waitFor()
        await visible(p, ready[route]).first().waitFor()
        await p.waitForLoadState('networkidle')
        expect({ route, sideBySide: await sideBySide(p) }).toEqual({ route, sideBySide: [] })
        const small = await visible(p, '.btn, .chip, .tab, .toc-item, .issue-card').evaluateAll((els) =>
          els
            .map((e) => [e.textContent?.trim().slice(0, 8), e.getBoundingClientRect()] as const)
            .filter(([, r]) => r.height < 60 || r.width < 60)
            .map(([t, r]) => `${t} ${r.width}×${r.height}`),
        )
        expect({ route, small }).toEqual({ route, small: [] })
        const cut = await p.evaluate(() => {
          const out: string[] = []
          if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}`)
          for (const el of document.querySelectorAll('.shell .btn, .shell .para, .shell .title, .shell .h2')) {
            const r = el.getBoundingClientRect()
            // The issue reader's other sections lie off screen beside this one, on purpose.
            if (r.left >= window.innerWidth || r.right <= 0) continue
            if (r.width && (r.right > window.innerWidth + 1 || r.left < -1)) out.push(`${el.textContent?.slice(0, 8)} ${r.left}–${r.right}`)
          }
          return out
        })
        expect({ route, cut }).toEqual({ route, cut: [] })
        expect({ route, low: await lowContrast(p, 7) }).toEqual({ route, low: [] })
        if (route.includes('article')) {
          const para = await visible(p, '.para')
            .first()
            .evaluate((el) => ({
              size: parseFloat(getComputedStyle(el).fontSize),
              line: parseFloat(getComputedStyle(el).lineHeight),
              gap: parseFloat(getComputedStyle(el).marginBottom),
            }))
          expect(para.size).toBeGreaterThanOrEqual(20)
          expect(para.line / para.size).toBeGreaterThanOrEqual(1.5)
          expect(para.gap).toBeGreaterThan(para.line - para.size)
          // 听全文 at the top: before the article's title.
          const [listenTop, titleTop] = await Promise.all([visible(p, '.listen-start').first().boundingBox(), visible(p, '.title').first().boundingBox()])
          expect(listenTop!.y).toBeLessThan(titleTop!.y)
          // Secondary actions behind 更多.
          expect(await visible(p, '.btn').filter({ hasText: '保存海报' }).count()).toBe(0)
          await visible(p, '.btn').filter({ hasText: '更多' }).click()
          await visible(p, '.btn').filter({ hasText: '保存海报' }).waitFor()
          await screenshot(p, `34-care-article-${width}`)
          // Reading aloud in care mode: the docked controls are large enough too, and the text stays put.
          await visible(p, '.listen-start').first().scrollIntoViewIfNeeded()
          const before = await textPlaces(p)
          await visible(p, '.btn').filter({ hasText: '听全文' }).first().click()
          await visible(p, '.listen-dock .listen-toggle').waitFor()
          await visible(p, '.listen-more').click()
          await visible(p, '.listen-dock .btn').filter({ hasText: '1.25×' }).waitFor()
          expect(await textPlaces(p)).toEqual(before)
          const smallInDock = await visible(p, '.listen-dock .btn').evaluateAll((els) =>
            els
              .map((e) => [e.textContent?.trim().slice(0, 8), e.getBoundingClientRect()] as const)
              .filter(([, r]) => r.height < 60 || r.width < 60)
              .map(([t, r]) => `${t} ${r.width}×${r.height}`),
          )
          expect(smallInDock).toEqual([])
          expect(await lowContrast(p, 7)).toEqual([])
          // Nothing in the dock is cut off at first sight: it does not scroll inside, and each of its
          // controls lies wholly on screen.
          await screenshot(p, `37-care-listen-${width}`)
          expect(await dockClipped(p)).toEqual([])
          await visible(p, '.listen-dock .btn').filter({ hasText: '完成' }).click()
          await visible(p, '.listen-dock .listen-toggle').waitFor()
          expect(await dockClipped(p)).toEqual([])
          await visible(p, '.listen-dock .btn').filter({ hasText: '停止朗读' }).click()
          await visible(p, '.listen-dock').waitFor({ state: 'detached' })
        }
        if (route.includes('issue')) {
          await visible(p, '.btn').filter({ hasText: '下一栏目' }).first().click()
          await visible(p, '.tab.on').filter({ hasText: '要情动态' }).waitFor()
          await screenshot(p, `35-care-issue-${width}`)
        }
      }
      // The largest step reaches 30 px.
      await p.goto(server.base + '/#/pages/settings/index')
      await visible(p, '.btn.step').filter({ hasText: '超大' }).click()
      await p.goto(server.base + '/#/pages/article/index?id=2')
      await visible(p, '.para').first().waitFor()
      expect(
        await visible(p, '.para')
          .first()
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      ).toBeGreaterThanOrEqual(30)
      await screenshot(p, `36-care-article-largest-${width}`)
      await p.evaluate(() => localStorage.clear())
      await p.close()
    }, 120_000)
  }
})
