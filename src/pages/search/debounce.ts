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

/** The sections a member can filter by: every section name the issues have, in first-seen order. */
export function sectionOptions(names: string[]): string[] {
  return [...new Set(names.map(plainSectionName).filter(Boolean))]
}
