/** The order issues are listed in everywhere: the newest date first, then the later id. */
export function newestFirst(a: { date: string; id: number }, b: { date: string; id: number }): number {
  return b.date.localeCompare(a.date) || b.id - a.id
}
