/**
 * Builds test issues from the real sample's text without the importer: titles, paragraphs, briefs and
 * sources are taken from samples/gonghui-xinxi-2020-20.md, shuffled and recombined with a seeded random
 * generator, so an archive of any size has realistic Chinese text and varied years, numbers and dates.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Article, Brief, Issue, Source } from '../../../src/core/bulletin'

const SAMPLE = readFileSync(path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md'), 'utf8')

const SOURCE_AT_END = /（([^（）]+)）$/u

function splitSource(text: string): { text: string; source: Source | null } {
  const match = SOURCE_AT_END.exec(text)
  if (!match) return { text, source: null }
  const [organization, author] = match[1].split(/\s+/)
  return { text: text.slice(0, match.index), source: { organization, author: author ?? null } }
}

const lines = SAMPLE.split('\n').map((l) => l.trim())
const TITLES = lines.map((l) => /^\d+\.\s*(.+)$/.exec(l)?.[1]).filter((t): t is string => !!t)
const BRIEFS = lines.filter((l) => l.startsWith('△')).map((l) => splitSource(l.slice(1)))
const BODY_LINES = lines.filter((l) => l.length > 30 && !l.startsWith('△') && !/^(报|发|责任编辑|#)/.test(l)).map((l) => splitSource(l.replace(/\*\*[^*]+\*\*\s*/g, '')))
const SENTENCES = BODY_LINES.flatMap((b) => b.text.split(/(?<=。)/u)).filter((s) => s.length > 4)
const SOURCES = [...BODY_LINES, ...BRIEFS].map((b) => b.source).filter((s): s is Source => s !== null)

export type Random = () => number

/** mulberry32: small, seeded, good enough to vary test data reproducibly. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(random: Random, list: T[]): T => list[Math.floor(random() * list.length)]
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))

function paragraph(random: Random): string {
  const count = between(random, 2, 6)
  return Array.from({ length: count }, () => pick(random, SENTENCES)).join('')
}

function article(random: Random): Article {
  return {
    kind: 'article',
    title: pick(random, TITLES),
    paragraphs: Array.from({ length: between(random, 1, 3) }, () => paragraph(random)),
    source: random() < 0.9 ? pick(random, SOURCES) : null,
  }
}

function brief(random: Random): Brief {
  const b = pick(random, BRIEFS)
  return { kind: 'brief', text: b.text, source: b.source }
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return (tens > 1 ? NUMERALS[tens - 1] : '') + '十' + (ones ? NUMERALS[ones - 1] : '')
}

/** One issue, different for every (year, number, seed). */
export function makeIssue(year: number, number: number, seed = year * 100 + number): Issue {
  const random = seededRandom(seed)
  const month = Math.min(12, 1 + Math.floor((number - 1) / 4))
  const day = Math.min(28, 1 + ((number - 1) % 4) * 7 + between(random, 0, 6))
  return {
    masthead: '工会信息',
    year,
    number,
    label: `〔${year}〕第${chineseNumber(number)}期`,
    publisher: '广州市总工会办公室',
    permit: '穗办准印证第089号',
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sections: [
      { name: '要情动态', items: Array.from({ length: between(random, 1, 3) }, () => article(random)) },
      { name: '工作交流', items: Array.from({ length: between(random, 1, 3) }, () => article(random)) },
      { name: '信息短波', items: Array.from({ length: between(random, 2, 6) }, () => brief(random)) },
    ],
    distribution: { reportTo: '市委办公厅，市政府办公厅。', sendTo: '各区总工会。' },
    editor: { name: '黄升', email: 'ghdy@gz.gov.cn', phone: '83188030' },
    warnings: number % 5 === 0 ? [{ line: 3, message: 'test warning' }] : [],
  }
}

/** `count` issues spread over years from 2016, about 48 a year, in shuffled order. */
export function makeArchive(count: number, seed = 7): Issue[] {
  const issues = Array.from({ length: count }, (_, i) => makeIssue(2016 + Math.floor(i / 48), (i % 48) + 1, seed * 100000 + i))
  const random = seededRandom(seed)
  for (let i = issues.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[issues[i], issues[j]] = [issues[j], issues[i]]
  }
  return issues
}
