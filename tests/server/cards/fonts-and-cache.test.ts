/**
 * The pieces under the cards: choosing font subsets from @fontsource/noto-sans-sc, CARD_FONT, the
 * byte-bounded cache, and what a card shows.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createCardFonts, parseFontsourceCss } from '../../../src/server/services/cards/fonts'
import { createByteLru } from '../../../src/server/services/cards/lru'
import { articleCardModel, chineseDate, drawable, issueCardModel } from '../../../src/server/services/cards/models'
import { createCardService } from '../../../src/server/services/cards/index'
import type { WechatApi } from '../../../src/server/wechat/api'
import { renderWxaCodePng } from '../../../src/server/wechat/fake-wxacode'
import { decodePng, inkPixels } from './png'
import { articleDetails, sampleIssue, SAMPLE_FILE } from './sample-data'

const FONTSOURCE = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'))
const noWechat: WechatApi = {
  code2Session: () => Promise.reject(new Error('unused')),
  sendSubscribeMessage: () => Promise.reject(new Error('unused')),
  getUnlimitedWxaCode: () => Promise.reject(new Error('unused')),
}

describe('card fonts', () => {
  it('reads each subset file and its unicode ranges from the fontsource CSS', () => {
    const subsets = parseFontsourceCss(readFileSync(path.join(FONTSOURCE, '400.css'), 'utf8'), FONTSOURCE)
    expect(subsets.length).toBeGreaterThan(90)
    expect(subsets.every((s) => s.file.endsWith('.woff'))).toBe(true)
    const latin = subsets.find((s) => s.name === 'latin')!
    expect(latin.ranges).toContainEqual([0x0000, 0x00ff])
  })

  it('covers every character of the sample bulletin, and loads only the subsets a text needs', () => {
    const fonts = createCardFonts()
    expect(fonts.uncovered(readFileSync(SAMPLE_FILE, 'utf8'))).toEqual([])
    expect(fonts.uncovered('工会\ue000')).toEqual(['\ue000'])
    const few = fonts.fontsFor('工会信息')
    const more = fonts.fontsFor(readFileSync(SAMPLE_FILE, 'utf8'))
    expect(few.length).toBeLessThan(more.length)
    expect(new Set(few.map((f) => f.weight))).toEqual(new Set([400, 700]))
    // Same need, same array: satori parses a fonts array once.
    expect(fonts.fontsFor('工会信息')).toBe(few)
  })

  it('uses CARD_FONT (fontPath) instead, and refuses WOFF2', async () => {
    const woff = path.join(FONTSOURCE, 'files/noto-sans-sc-latin-700-normal.woff')
    const fonts = createCardFonts(woff)
    expect(fonts.source).toBe(woff)
    expect(fonts.fontsFor('anything').every((f) => f.data.equals(readFileSync(woff)))).toBe(true)
    expect(() => createCardFonts(woff.replace(/\.woff$/, '.woff2'))).toThrow(/WOFF2/)

    const cards = createCardService({ wechat: noWechat, fontPath: woff })
    const detail = articleDetails(sampleIssue())[0]
    const latin = {
      ...detail,
      article: { ...detail.article, title: 'Union Bulletin share card' },
      issue: { ...detail.issue, masthead: 'Bulletin', label: 'No. 20' },
      section: 'News',
    }
    const png = decodePng(await cards.articleCard({ ...latin, article: { ...latin.article, source: null } }).png())
    expect(inkPixels(png, { x0: 64, y0: 140, x1: 936, y1: 680 }).size).toBeGreaterThan(3000)
  })

  it('stops the card service at start when CARD_FONT names no file', async () => {
    expect(() => createCardService({ wechat: noWechat, fontPath: '/no/such/font.ttf' })).toThrow('CARD_FONT: no font file at /no/such/font.ttf')
  })
})

describe('rendered-card cache', () => {
  it('evicts the least recently used entries beyond its byte bound', () => {
    const lru = createByteLru(100)
    lru.set('a', new Uint8Array(40))
    lru.set('b', new Uint8Array(40))
    lru.get('a')
    lru.set('c', new Uint8Array(40))
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBeDefined()
    expect(lru.get('c')).toBeDefined()
    expect(lru.bytes).toBe(80)
    lru.set('huge', new Uint8Array(101))
    expect(lru.get('huge')).toBeUndefined()
  })

  it('renders a card once, however often and however concurrently it is asked for', async () => {
    const cards = createCardService({ wechat: noWechat })
    const detail = articleDetails(sampleIssue())[3]
    const pngs = await Promise.all([1, 2, 3].map(() => cards.articleCard(detail).png()))
    await cards.articleCard(detail).png()
    expect(cards.stats().renders).toBe(1)
    expect(pngs[1]).toBe(pngs[0])
    expect(cards.articleCard(detail).etag).toBe(cards.articleCard({ ...detail, previousId: 1 }).etag)
  })
})

describe('what a card shows', () => {
  it('takes label, date, section, source and titles from the bulletin', () => {
    const issue = sampleIssue()
    const detail = articleDetails(issue).find((d) => d.article.source?.author)!
    const model = articleCardModel(detail)
    expect(model.date).toBe(chineseDate(issue.date))
    expect(model.source).toBe(`${detail.article.source!.organization} ${detail.article.source!.author}`)
    expect(model.section).not.toMatch(/[〔〕[\]]/)
    const issueModel = issueCardModel(issue)
    expect(issueModel.titles).toHaveLength(4)
    expect(issueModel.titles[0]).toBe(drawable((issue.sections[0].items[0] as { title: string }).title))
  })

  it('drops characters no font can draw (zero-width spaces, BOMs) and formats dates', () => {
    expect(drawable('工会\u200b信息\ufeff\u00ad')).toBe('工会信息')
    expect(drawable('\uf0b7 工会\ue000信息')).toBe('工会信息')
    expect(chineseDate('2020-07-13')).toBe('2020年7月13日')
  })
})

describe('poster codes', () => {
  it.each([
    [undefined, 'release'],
    ['trial', 'trial'],
    ['develop', 'develop'],
  ] as const)('open the build they are configured for (%s → %s), each its own poster', async (envVersion, asked) => {
    const requests: Array<string | undefined> = []
    const wechat = {
      getUnlimitedWxaCode: async (r: { scene: string; page: string; width?: number; envVersion?: string }) => {
        requests.push(r.envVersion)
        return renderWxaCodePng(r.scene, r.page, r.width ?? 280)
      },
    } as unknown as WechatApi
    const detail = articleDetails(sampleIssue())[0]
    const cards = createCardService({ wechat, envVersion })
    const poster = cards.poster(detail)
    expect(decodePng(await poster.png()).width).toBe(750)
    expect(requests).toEqual([asked])
    if (envVersion) expect(poster.etag).not.toBe(createCardService({ wechat }).poster(detail).etag)
  })
})
