/**
 * Where a Chinese paragraph may end. A paragraph whose last character is not one of these was most
 * likely cut by a page break (南粤 / 家政”等), so the importer joins it with the next one.
 */
const CLOSING = new Set([...'。！？!?…；;：:）)」』】〕〉》.”’"'])

export function endsClosed(text: string): boolean {
  const trimmed = text.trimEnd()
  if (trimmed === '') return true
  return CLOSING.has(trimmed[trimmed.length - 1])
}

/** A bold lead-in that ends a sentence (**一是严把识别关。**) is emphasis, not a title. */
export function endsSentence(text: string): boolean {
  return /[。！？!?；;：:]$/.test(text.trimEnd())
}
