/**
 * The Chinese type for share cards. By default Noto Sans SC from the @fontsource/noto-sans-sc npm
 * package, so a fresh `npm install` is enough: it ships the font cut into ~100 WOFF subsets by
 * unicode range (satori reads WOFF, not WOFF2), and its CSS says which range each file covers. We
 * load only the subsets a card's text needs, once each. CARD_FONT (the cards' fontPath) names
 * one .ttf/.otf/.woff file to use instead.
 *
 * Satori keeps one font per family name and falls back to other families glyph by glyph, so each
 * subset is registered as its own family: the Latin subset (always loaded) under FONT_FAMILY, the
 * card's primary family, and the CJK subsets as "Card Sans 17" etc., reached by that fallback.
 * (Registered under one name, all but one subset would be dropped and most characters drawn as boxes.)
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export const FONT_FAMILY = 'Card Sans'

export interface SatoriFont {
  name: string
  data: Buffer
  weight: 400 | 700
  style: 'normal'
}

interface Subset {
  name: string
  file: string
  ranges: Array<[number, number]>
}

export interface CardFonts {
  /** Fonts covering every character of `text`, in both weights; the same array for the same need. */
  fontsFor(text: string): SatoriFont[]
  /** Characters of `text` no loaded font covers (they would render as boxes). */
  uncovered(text: string): string[]
  readonly source: string
}

/** Parses a fontsource CSS file into the WOFF file and unicode ranges of each @font-face. */
export function parseFontsourceCss(css: string, dir: string): Subset[] {
  const subsets: Subset[] = []
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)?.[1]
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1]
    if (!file || !range) continue
    const ranges = range.split(',').map((part): [number, number] => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-')
      return [parseInt(lo, 16), parseInt(hi ?? lo, 16)]
    })
    const name = /noto-sans-sc-([a-z0-9-]+?)-\d00-normal\.woff$/.exec(file)?.[1] ?? file
    subsets.push({ name, file: path.join(dir, 'files', file), ranges })
  }
  return subsets
}

function fontsourceDir(): string {
  const require = createRequire(__filename)
  return path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'))
}

const covers = (subset: Subset, cp: number) => subset.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)
const codePoints = (text: string) => [...new Set(Array.from(text, (c) => c.codePointAt(0)!))]
const invisible = (cp: number) => cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0x3000

function singleFileFonts(file: string): CardFonts {
  if (!existsSync(file)) throw new Error(`CARD_FONT: no font file at ${file}`)
  const data = readFileSync(file)
  if (/\.woff2$/i.test(file)) throw new Error(`CARD_FONT: ${file} is WOFF2, which the card renderer cannot read; use .ttf, .otf or .woff`)
  const fonts: SatoriFont[] = [
    { name: FONT_FAMILY, data, weight: 400, style: 'normal' },
    { name: FONT_FAMILY, data, weight: 700, style: 'normal' },
  ]
  return { fontsFor: () => fonts, uncovered: () => [], source: file }
}

function fontsourceFonts(): CardFonts {
  const dir = fontsourceDir()
  const byWeight = {
    400: parseFontsourceCss(readFileSync(path.join(dir, '400.css'), 'utf8'), dir),
    700: parseFontsourceCss(readFileSync(path.join(dir, '700.css'), 'utf8'), dir),
  }
  const files = new Map<string, Buffer>()
  const load = (file: string) => {
    let data = files.get(file)
    if (!data) files.set(file, (data = readFileSync(file)))
    return data
  }
  // Satori parses fonts once per fonts array (it caches by identity), so the same set of subsets
  // must come back as the same array.
  const arrays = new Map<string, SatoriFont[]>()

  function subsetsFor(text: string): Subset[] {
    const needed = new Set<Subset>()
    for (const cp of codePoints(text)) {
      if (invisible(cp)) continue
      const hit = byWeight[400].find((s) => covers(s, cp))
      if (hit) needed.add(hit)
    }
    return [...needed]
  }

  return {
    source: dir,
    fontsFor(text) {
      const latin = byWeight[400].find((s) => s.name === 'latin')
      if (!latin) throw new Error(`no latin subset in ${dir}/400.css`)
      const chosen = [latin, ...subsetsFor(text).filter((s) => s !== latin)]
      const key = chosen.map((s) => s.name).join('|')
      let fonts = arrays.get(key)
      if (!fonts) {
        fonts = []
        for (const weight of [400, 700] as const) {
          for (const s of chosen) {
            const file = s.file.replace('-400-normal.woff', `-${weight}-normal.woff`)
            const name = s === latin ? FONT_FAMILY : `${FONT_FAMILY} ${s.name}`
            fonts.push({ name, data: load(file), weight, style: 'normal' })
          }
        }
        if (arrays.size > 200) arrays.delete(arrays.keys().next().value!)
        arrays.set(key, fonts)
      }
      return fonts
    },
    uncovered(text) {
      return codePoints(text)
        .filter((cp) => !invisible(cp) && !byWeight[400].some((s) => covers(s, cp)))
        .map((cp) => String.fromCodePoint(cp))
    },
  }
}

/** The card fonts: `fontPath` (from CARD_FONT) when given, else the npm Noto Sans SC subsets. */
export function createCardFonts(fontPath?: string): CardFonts {
  return fontPath ? singleFileFonts(fontPath) : fontsourceFonts()
}
