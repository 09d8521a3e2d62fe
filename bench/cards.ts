/**
 * Share-card render times, cold and cached, for the article card, the issue card and the poster,
 * each next to baselines measured in the same run: resvg rasterising a trivial SVG of the same size
 * (the floor of any render) and sending the same bytes from memory (the floor of a cached answer).
 * Cards are drawn from the sample bulletin; the poster's code comes from the fake WeChat server.
 * Run: npm run bench:cards
 */
import { Resvg } from '@resvg/resvg-js'
import { createCardService, type PreparedCard } from '../src/server/services/cards/index'
import { createWechatClient } from '../src/server/wechat/client'
import { startFakeWechat } from '../src/server/wechat/fake-server'
import { articleDetails, sampleIssue } from '../tests/server/cards/sample-data'

const ms = (t0: number) => performance.now() - t0
const fmt = (v: number) => (v < 0.1 ? v.toFixed(4) : v.toFixed(2)).padStart(9)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function timeEach<T>(items: T[], fn: (item: T) => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = []
  for (const item of items) {
    const t0 = performance.now()
    await fn(item)
    times.push(ms(t0))
  }
  return times
}

function trivialSvgMs(width: number, height: number, runs = 10): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#c8161d"/></svg>`
  return median(
    Array.from({ length: runs }, () => {
      const t0 = performance.now()
      new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng()
      return ms(t0)
    }),
  )
}

async function main() {
  const fake = await startFakeWechat()
  const wechat = createWechatClient({ baseUrl: fake.baseUrl, appid: fake.appid, secret: fake.secret })
  const issue = sampleIssue()
  const details = articleDetails(issue)
  // Distinct variants so every "cold" render is a real render (the cache is keyed by content).
  const variants = Array.from({ length: 12 }, (_, i) => details[i % details.length]).map((d, i) => ({
    ...d,
    article: { ...d.article, id: 1000 + i, title: `${d.article.title}（${i + 1}）` },
  }))

  const t0 = performance.now()
  const firstService = createCardService({ wechat })
  await firstService.articleCard(details[0]).png()
  const firstEver = ms(t0)

  const cards = createCardService({ wechat })
  const kinds: Array<[string, (i: number) => PreparedCard, [number, number]]> = [
    ['article card 1000×800', (i) => cards.articleCard(variants[i]), [1000, 800]],
    ['issue card 1000×800', (i) => cards.issueCard({ ...issue, id: 500 + i, label: `${issue.label}（${i + 1}）` }), [1000, 800]],
    ['poster 750×1334', (i) => cards.poster(variants[i]), [750, 1334]],
  ]

  console.log(`first card in a fresh process (font files, satori and yoga start-up): ${firstEver.toFixed(0)} ms\n`)
  console.log('per card, median ms'.padEnd(26) + 'cold render'.padStart(12) + 'cached'.padStart(10) + ' | baseline: trivial SVG'.padStart(24) + 'bytes from memory'.padStart(19))
  for (const [name, make, [w, h]] of kinds) {
    const indexes = variants.map((_, i) => i)
    await make(0).png() // warm this layout's code paths once
    const cold = await timeEach(indexes.slice(1), (i) => make(i).png())
    const cached = await timeEach(
      indexes.slice(1).flatMap((i) => [i, i, i]),
      (i) => make(i).png(),
    )
    const bytes = await make(1).png()
    const memory = await timeEach(Array.from({ length: 30 }), () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    console.log(name.padEnd(26) + fmt(median(cold)).padStart(12) + fmt(median(cached)).padStart(10) + fmt(trivialSvgMs(w, h)).padStart(24) + fmt(median(memory)).padStart(19))
  }
  console.log('\n"cached" includes hashing the card content for its key and ETag; a request carrying a')
  console.log('matching If-None-Match is answered 304 after that same hash, without touching the PNG.')
  console.log(`renders: ${cards.stats().renders}, cache: ${cards.stats().cached} cards, ${(cards.stats().cachedBytes / 1024).toFixed(0)} KiB`)
  await fake.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
