import { plainSectionName } from '../../components/format'

/** Runs `fn` once typing has paused for `ms`; `flush` runs it now (the search key). */
export function createDebouncer<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastArgs: A | null = null
  return {
    call(...args: A) {
      lastArgs = args
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        fn(...args)
      }, ms)
    },
    flush() {
      if (timer) clearTimeout(timer)
      timer = null
      if (lastArgs) fn(...lastArgs)
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}

/** Years a member can filter by: the published years seen, newest first. */
export function yearOptions(years: number[]): number[] {
  return [...new Set(years)].sort((a, b) => b - a)
}

/** Years offered before 更早年份 is tapped. */
export const NEWEST_YEARS = 5

/** The newest years, and the one chosen if it is older (so the chosen chip is always on screen). */
export function shownYears(years: number[], chosen: number | null): number[] {
  const newest = years.slice(0, NEWEST_YEARS)
  return chosen !== null && !newest.includes(chosen) && years.includes(chosen) ? [...newest, chosen] : newest
}

/** The sections a member can filter by: every section name the issues have, in first-seen order. */
export function sectionOptions(names: string[]): string[] {
  return [...new Set(names.map(plainSectionName).filter(Boolean))]
}
