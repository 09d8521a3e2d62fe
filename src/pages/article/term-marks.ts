import { useMemo } from 'react'
import type { Range } from '../../core/api'
import { termRanges } from '../../components/term-ranges'

/**
 * Where the search term the article was opened with occurs in a paragraph; null with no term.
 * The mini-program's build: search's matching is in its package anyway. On H5 ./term-marks.h5.ts
 * replaces this file and loads the matching only for an article opened from search.
 */
export function useTermMarks(term: string): ((paragraph: string) => Range[]) | null {
  return useMemo(() => (term ? (paragraph: string) => termRanges(paragraph, term) : null), [term])
}
