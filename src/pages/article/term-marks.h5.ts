import { useEffect, useMemo, useState } from 'react'
import type { Range } from '../../core/api'
import type { termRanges } from '../../components/term-ranges'

/**
 * H5 build of ./term-marks.ts: search's matching (its traditional-character table with it, 15 KB
 * gzip) loads when an article is opened with a search term, not with every article's first view.
 * The text shows at once; the marks follow when the matching has loaded.
 */
export function useTermMarks(term: string): ((paragraph: string) => Range[]) | null {
  const [find, setFind] = useState<typeof termRanges | null>(null)
  useEffect(() => {
    if (!term || find) return
    let live = true
    void import('../../components/term-ranges')
      .then((m) => {
        if (live) setFind(() => m.termRanges)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [term, find])
  return useMemo(() => (term && find ? (paragraph: string) => find(paragraph, term) : null), [term, find])
}
