/** Dates and labels as members read them (dayjs, zh-cn): the components' wording, pure functions. */
import dayjs from 'dayjs'
import type { Source } from '../core/bulletin'
import { sourceLine as sourceText } from '../core/text/source-line'
import 'dayjs/locale/zh-cn'
import type { ContentsSection } from '../core/api'

dayjs.locale('zh-cn')

/** 2020-07-13 → 2020年7月13日 星期一 */
export function formatIssueDate(iso: string): string {
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY年M月D日 dddd') : iso
}

/** A correction's time as readers in China read its day: 2026-12-01T17:00:00Z → 2026年12月2日 (Beijing time, whatever the device's zone). */
export function formatCorrectionDate(iso: string): string {
  const millis = Date.parse(iso)
  if (Number.isNaN(millis)) return iso
  const beijing = new Date(millis + 8 * 3600 * 1000)
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`
}

/** The first few article titles of an issue's contents, for the home list. */
export function firstTitles(contents: ContentsSection[], count = 3): string[] {
  return contents.flatMap((s) => s.articles.map((a) => a.title)).slice(0, count)
}

/** Section names without the 〔〕 or [] the printed bulletin puts around them. */
export function plainSectionName(name: string): string {
  return name.replace(/^[〔【[]\s*|\s*[〕】\]]$/g, '').trim()
}

/** The source as the reader prints it: one line, empty without one. */
export function sourceLine(source: Source | null): string {
  return sourceText(source) ?? ''
}
