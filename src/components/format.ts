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
