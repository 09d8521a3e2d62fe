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

export const SECTION_OPTIONS = ['要情动态', '工作交流', '信息短波']
