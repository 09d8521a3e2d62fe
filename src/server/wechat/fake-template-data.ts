/**
 * The fake WeChat's check of subscribe-message `data` (errcode 47003), by keyword type. WeChat names
 * each keyword after its type plus a number (thing1, date2, character_string3), and rejects a value
 * that is empty or breaks that type's rule; these are the documented limits.
 */

const DATE_LIKE = [
  /^\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{4}\/\d{1,2}\/\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{4}年\d{1,2}月\d{1,2}日( ?\d{1,2}:\d{2}(:\d{2})?)?$/,
]
const TIME_ONLY = /^\d{1,2}:\d{2}(:\d{2})?$/
const LATIN_NAME = /^[A-Za-z .·-]+$/

const length = (s: string) => Array.from(s).length

/** Why a value is refused for its keyword type, or null when WeChat would accept it. */
export function checkKeywordValue(type: string, value: string): string | null {
  if (value.trim() === '') return 'empty value'
  const n = length(value)
  switch (type) {
    case 'thing':
      return n <= 20 ? null : `thing is ${n} characters, limit 20`
    case 'character_string':
      return n <= 32 && /^[\x21-\x7e]+$/.test(value) ? null : 'character_string: ≤ 32 letters, digits or symbols'
    case 'number':
      return n <= 32 && /^\d+(\.\d+)?$/.test(value) ? null : 'number: ≤ 32 digits'
    case 'letter':
      return n <= 32 && /^[A-Za-z]+$/.test(value) ? null : 'letter: ≤ 32 letters'
    case 'phrase':
      return n <= 5 && /^\p{Script=Han}+$/u.test(value) ? null : 'phrase: ≤ 5 Chinese characters'
    case 'name':
      return n <= (LATIN_NAME.test(value) ? 20 : 10) ? null : 'name: ≤ 10 characters (20 in Latin letters)'
    case 'date':
      return DATE_LIKE.some((re) => re.test(value)) ? null : 'date: must look like 2020-07-13 or 2020年7月13日'
    case 'time':
      return DATE_LIKE.some((re) => re.test(value)) || TIME_ONLY.test(value) ? null : 'time: must look like a date or time'
    case 'amount':
      return /^[¥$￥]?\d+(\.\d{1,2})?元?$/.test(value) ? null : 'amount: a number with optional currency sign'
    case 'phone_number':
      return /^[+\d-]{1,17}$/.test(value) ? null : 'phone_number: digits'
    case 'car_number':
      return n <= 8 ? null : 'car_number: ≤ 8 characters'
    default:
      return n <= 20 ? null : `${type}: ≤ 20 characters`
  }
}

/** Checks a whole `data` object; returns the first problem ("thing1: …") or null. */
export function checkTemplateData(data: unknown): string | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'data must be an object'
  const entries = Object.entries(data as Record<string, unknown>)
  if (entries.length === 0) return 'data is empty'
  for (const [key, field] of entries) {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1]
    if (!type) return `${key}: not a keyword name like thing1`
    const value = (field as { value?: unknown } | null)?.value
    if (typeof value !== 'string') return `${key}: value must be a string`
    const problem = checkKeywordValue(type, value)
    if (problem) return `${key}: ${problem}`
  }
  return null
}
