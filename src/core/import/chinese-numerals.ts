/**
 * Numbers as bulletins print them: 第二十期, 第十二期, 第一百零五期, 第20期, 二〇二〇年, 07月.
 * Returns null for anything that is not a number, so callers can report it instead of guessing.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** Full-width digits (０-９) count as digits: text copied out of Word often has them. */
function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
}

export function parseNumber(raw: string): number | null {
  const text = toAsciiDigits(raw.trim())
  if (text === '') return null
  if (/^\d+$/.test(text)) return Number(text)
  const chars = [...text]
  if (!chars.every((c) => c in DIGITS || c in UNITS)) return null
  // Without units the digits are positional, as in a year: 二〇二〇 → 2020.
  if (!chars.some((c) => c in UNITS)) return Number(chars.map((c) => DIGITS[c]).join(''))
  let total = 0
  let pending: number | null = null
  let lastUnit = Infinity
  for (const c of chars) {
    if (c in DIGITS) {
      if (pending !== null && DIGITS[c] !== 0) return null // two digits in a row: 二三十
      pending = DIGITS[c] === 0 ? null : DIGITS[c]
      continue
    }
    const unit = UNITS[c]
    if (unit >= lastUnit) return null // 十百, 百百: not a number
    total += (pending ?? 1) * unit // a bare unit counts once: 十二 → 12, 一百十 → 110
    pending = null
    lastUnit = unit
  }
  return total + (pending ?? 0)
}

const DATE_NUMBER = '[0-9０-９〇零一二三四五六七八九十]{1,4}'
/** 2020年7月13日, 2020年07月13日, 2020 年 7 月 13 日, 二〇二〇年七月十三日. */
export const DATE_PATTERN = new RegExp(`(${DATE_NUMBER})\\s*年\\s*(${DATE_NUMBER})\\s*月\\s*(${DATE_NUMBER})\\s*日`)

export type DateParse = { ok: true; iso: string; year: number } | { ok: false; reason: string }

/** A printed date → ISO YYYY-MM-DD, rejecting impossible days (2月30日). */
export function parseDate(yearText: string, monthText: string, dayText: string): DateParse {
  const year = parseNumber(yearText)
  const month = parseNumber(monthText)
  const day = parseNumber(dayText)
  if (year === null || month === null || day === null) return { ok: false, reason: 'not a number' }
  if (year < 1900 || year > 2999) return { ok: false, reason: `year ${year} is out of range` }
  if (month < 1 || month > 12) return { ok: false, reason: `month ${month} does not exist` }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > daysInMonth) return { ok: false, reason: `day ${day} does not exist in month ${month}` }
  const pad = (n: number) => String(n).padStart(2, '0')
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}`, year }
}
