/**
 * A key for comparing two spellings of the same title: the contents list and the body often differ
 * only in spacing (开展2020年 vs 开展 2020 年) or in full-width forms. Used for matching, never shown.
 */
export function compareKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

/**
 * If `text` starts with `title` (ignoring whitespace and width differences), the index in `text`
 * just after the title as written there; otherwise -1. Lets the importer keep the body's spelling.
 */
export function matchPrefixIgnoringSpace(text: string, title: string): number {
  const wanted = compareKey(title)
  if (wanted === '') return -1
  let matched = 0
  let i = 0
  while (i < text.length && matched < wanted.length) {
    const ch = text[i]
    if (/\s/.test(ch)) {
      i++
      continue
    }
    const key = ch.normalize('NFKC')
    if (wanted.startsWith(key, matched)) {
      matched += key.length
      i++
    } else {
      return -1
    }
  }
  return matched === wanted.length ? i : -1
}
