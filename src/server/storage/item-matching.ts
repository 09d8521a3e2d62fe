/**
 * Which stored item a re-imported item is, so that ids (links, favourites, cards) survive a
 * corrected document: first an unchanged item anywhere in the issue (an inserted article moves the
 * others, it does not renumber them), then an item of the same kind with the same title or the same
 * text (a corrected one), then one of the same kind at the same position.
 */
import type { ItemRow, ItemValues } from './rows'

type Content = Pick<ItemValues, 'kind' | 'title' | 'body' | 'source_organization' | 'source_author' | 'source_role' | 'blocks'>

/** Everything a reader sees of an item, as one comparable string. */
export const contentKey = (v: Content) =>
  JSON.stringify([v.kind, v.title ?? null, v.body, v.source_organization ?? null, v.source_author ?? null, v.source_role ?? null, v.blocks ?? null])

/** Fresh item index → the old row it continues. */
export function matchItems(old: ItemRow[], fresh: ItemValues[]): Map<number, ItemRow> {
  const matches = new Map<number, ItemRow>()
  const free = new Set(old)
  const pass = (same: (o: ItemRow, f: ItemValues, i: number) => boolean) => {
    fresh.forEach((f, i) => {
      if (matches.has(i)) return
      for (const o of free) {
        if (o.kind === f.kind && same(o, f, i)) {
          matches.set(i, o)
          free.delete(o)
          return
        }
      }
    })
  }
  pass((o, f) => contentKey(o) === contentKey(f))
  pass((o, f) => (o.title ?? '') !== '' && o.title === f.title)
  pass((o, f) => o.body === f.body)
  pass((o, _f, i) => o.position === i)
  return matches
}
