/**
 * A page of dist/weapp rendered by WeChat's component simulator (miniprogram-simulate and j-component)
 * from the templates WeChat's own compiler (wcc) made, on the strict wx stand-in. Taro registers each
 * page with Page(); the simulator knows Component(), so a small shim hands the page's config over as
 * a component whose attach is the page's onLoad and onShow. Run in tests/weapp/support/jsdom-node-fetch.cjs.
 */
import path from 'node:path'
import { TEST_DOMAINS, WEAPP } from './boot'

/* eslint-disable @typescript-eslint/no-require-imports */
const simulate = require('miniprogram-simulate') as {
  load(file: string, options: { rootPath: string; compiler: 'official' }): string
  render(id: string): RenderedComponent
}
const { createWx } = require('./wx-standin.cjs') as { createWx(spec: object): Standin }
/* eslint-enable @typescript-eslint/no-require-imports */

interface RenderedComponent {
  dom: HTMLElement
  attach(parent: HTMLElement): void
  querySelector(selector: string): ElementWrapper | undefined
  querySelectorAll(selector: string): ElementWrapper[]
}
interface ElementWrapper {
  dom: HTMLElement
  id?: string
  querySelector(selector: string): ElementWrapper | undefined
  querySelectorAll(selector: string): ElementWrapper[]
  dispatchEvent(type: string, options?: { detail?: unknown }): void
}
interface Standin {
  wx: object
  activity: { pending: number; last: number }
  state: {
    requests: string[]
    errors: string[]
    refused: string[]
    toasts: string[]
    navigations: string[]
    calls: string[]
    files: Map<string, Buffer>
    previews: Array<{ current: string; urls: string[] }>
  }
  openTypeTap(openType: string, id: string): { type: string | null; detail: unknown } | null
}

export interface RenderSpec {
  page: string
  query?: Record<string, string>
  /** The test backend standing in for the registered domain. */
  api: string
  platform?: 'ios' | 'android'
  fontSizeSetting?: number
  scene?: number
  /** Keep waiting until the page shows these words (up to 10 s): a busy machine may be slow to start. */
  waitFor?: string
}

type Globals = Record<string, unknown>
const g = globalThis as unknown as Globals
let standin: Standin | null = null
let app: { onLaunch?: (options: object) => void } | null = null
const pages: object[] = []

/** Loads app.js once per test file, with one stand-in: like one launch of the mini-program. */
function launch(spec: RenderSpec): Standin {
  if (standin) return standin
  standin = createWx({ domains: TEST_DOMAINS, scene: 1001, ...spec })
  g.wx = standin.wx
  g.App = (config: typeof app) => void (app = config)
  g.getApp = () => app
  g.getCurrentPages = () => pages
  g.requirePlugin = () => ({})
  g.Page = (config: Record<string, unknown>) => {
    const { data, ...rest } = config
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(rest)) if (typeof value === 'function') methods[key] = value
    const { route, query } = current!
    ;(g.Component as (definition: object) => void)({
      data: data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad?: (q: object) => void; onShow?: () => void; onReady?: () => void }) {
          Object.assign(this, { route, __route__: route, options: query })
          pages.push(this)
          this.onLoad?.(query)
          this.onShow?.()
          this.onReady?.()
        },
      },
    })
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(WEAPP, 'app.js'))
  app?.onLaunch?.({ path: spec.page, query: spec.query ?? {}, scene: spec.scene ?? 1001 })
  return standin
}

let current: { route: string; query: Record<string, string> } | null = null
const loaded: Record<string, string> = {}

export interface RenderedPage {
  /** What the page shows, as text. */
  text(): string
  /** Every class on the page, without the simulator's prefix. */
  classes(): string[]
  /** Taps the first element with this class (a picture has no words to find it by). */
  tapClass(className: string): Promise<void>
  /**
   * Taps the innermost element showing `words`, through its compiled bindtap. An element given an
   * id of its own is rendered with that id instead of Taro's, and a <button open-type> first does
   * what WeChat does for it: pass them.
   */
  tap(words: string, as?: { id?: string; openType?: string }): Promise<void>
  requests: string[]
  errors: string[]
  refused: string[]
  toasts: string[]
  /** Files the app kept under USER_DATA_PATH (the stand-in's file system manager). */
  files: Map<string, Buffer>
  /** Each previewImage call: the picture shown first and the ones to swipe through. */
  previews: Array<{ current: string; urls: string[] }>
}

export async function renderPage(spec: RenderSpec): Promise<RenderedPage> {
  const wx = launch(spec)
  current = { route: spec.page, query: spec.query ?? {} }
  // A page's script runs once (as in WeChat); rendering it again makes another instance of it.
  const id = (loaded[spec.page] ??= simulate.load(path.join(WEAPP, spec.page), { rootPath: WEAPP, compiler: 'official' }))
  const component = simulate.render(id)
  component.attach(document.createElement('parent-wrapper'))
  await settle(wx, () => !spec.waitFor || (component.dom.textContent ?? '').includes(spec.waitFor))
  return {
    text: () => component.dom.textContent ?? '',
    classes: () => [component.dom, ...component.dom.querySelectorAll<HTMLElement>('[class]')].flatMap((el) => [...el.classList].map((c) => c.replace(/^main--/, ''))),
    async tap(words, as = {}) {
      const candidates = [...component.dom.querySelectorAll<HTMLElement>('[data-sid]')].filter((el) => (el.textContent ?? '').includes(words))
      const exact = candidates.filter((el) => el.textContent === words)
      const element = exact.pop() ?? candidates.pop()
      if (!element) throw new Error(`nothing shows "${words}" on ${spec.page}`)
      // Rendered with id="{{i.uid||i.sid}}": the sid, unless the element was given an id of its own.
      // Deep trees continue in Taro's own custom component (comp), a shadow tree of its own: look in each.
      const ids = [element.dataset.sid, as.id].filter(Boolean)
      const find = (root: ElementWrapper | RenderedComponent): ElementWrapper | undefined =>
        ids.map((id) => root.querySelector('#' + id)).find(Boolean) ?? root.querySelectorAll('comp').map(find).find(Boolean)
      const target = find(component)
      if (!target) throw new Error(`"${words}" (${element.dataset.sid}) cannot be tapped`)
      const elementId = as.id ?? element.dataset.sid!
      // The simulator keeps no open-type attribute in its DOM: the test names it, as WeChat reads it.
      const openType = as.openType
      const opened = openType ? wx.openTypeTap(openType, elementId) : { type: null, detail: {} }
      if (opened) {
        target.dispatchEvent('tap')
        if (opened.type) target.dispatchEvent(opened.type, { detail: opened.detail })
      }
      wx.activity.last = Date.now()
      await settle(wx)
    },
    async tapClass(className) {
      const element = component.dom.querySelector<HTMLElement>(`.main--${className}, .${className}`)
      const sid = element?.dataset.sid
      const find = (root: ElementWrapper | RenderedComponent): ElementWrapper | undefined => root.querySelector('#' + sid) ?? root.querySelectorAll('comp').map(find).find(Boolean)
      const target = sid ? find(component) : undefined
      if (!target) throw new Error(`nothing with class ${className} can be tapped on ${spec.page}`)
      target.dispatchEvent('tap')
      wx.activity.last = Date.now()
      await settle(wx)
    },
    ...wx.state,
  }
}

/** Until the page shows what is awaited, no request is in flight and nothing happened for 300 ms (at most 10 s). */
async function settle(wx: Standin, shown: () => boolean = () => true) {
  const start = Date.now()
  await new Promise((r) => setTimeout(r, 50))
  while (Date.now() - start < 10_000) {
    if (shown() && wx.activity.pending === 0 && Date.now() - wx.activity.last > 300) return
    await new Promise((r) => setTimeout(r, 50))
  }
}
