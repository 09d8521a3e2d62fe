import type { IssueDetail } from '../../core/api'
import { plainSectionName } from '../../components/format'

/** The reader's pages: 本期导读 first, then one per section. Tab names come from here. */
export function readerTabNames(issue: IssueDetail): string[] {
  return ['本期导读', ...issue.sections.map((s) => plainSectionName(s.name))]
}

/** ?section= may be a page index or a section name; anything else starts at the contents. */
export function initialPage(issue: IssueDetail, section: string | undefined): number {
  if (!section) return 0
  const decoded = safeDecode(section)
  const asIndex = Number(decoded)
  const names = readerTabNames(issue)
  if (Number.isInteger(asIndex) && asIndex >= 0 && asIndex < names.length) return asIndex
  const byName = names.indexOf(plainSectionName(decoded))
  return byName > 0 ? byName : 0
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function parseId(raw: string | undefined): number | null {
  const id = Number(raw)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}
