/**
 * H5: Enter and Space press the focused control. The app's controls are Taro elements given a role
 * (components/a11y.ts), not native buttons, so the browser does not do this for them.
 */
export function installKeyboardActivation(doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    const el = event.target as HTMLElement | null
    if (!el || (event.key !== 'Enter' && event.key !== ' ')) return
    const role = el.getAttribute?.('role')
    if (role !== 'button' && role !== 'link' && role !== 'switch' && role !== 'tab') return
    if (/^(INPUT|TEXTAREA|BUTTON|A|SELECT)$/.test(el.tagName)) return
    event.preventDefault()
    el.click()
  })
}

/** H5: calls `onEscape` when Escape is pressed (a dialog closes); returns the way to stop listening. */
export function listenForEscape(onEscape: () => void): () => void {
  if (typeof document === 'undefined') return () => undefined
  const listener = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onEscape()
  }
  document.addEventListener('keydown', listener)
  return () => document.removeEventListener('keydown', listener)
}
