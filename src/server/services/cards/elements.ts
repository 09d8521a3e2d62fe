/**
 * Card layouts are written as plain element trees (what JSX would produce), so the server needs no
 * JSX build step; satori reads them as React elements.
 */

export type Style = Record<string, string | number>

export interface CardElement {
  type: string
  props: { style?: Style; children?: CardChild | CardChild[]; src?: string; width?: number; height?: number }
}

export type CardChild = CardElement | string | null | false

/** A flex box (satori lays everything out with flexbox). */
export function box(style: Style, ...children: CardChild[]): CardElement {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children: children.filter((c) => c !== null && c !== false) } }
}

/**
 * A run of text; `lines` clamps it with an ellipsis (satori needs display:block for that). Lines
 * break by the Unicode rules, which keep a Chinese quotation mark with both neighbours (扶”专), so a
 * line before a quoted phrase may end a character or two short; break-all would fix that but puts
 * commas at the start of lines, and the font has no zero-width space to mark breaks with.
 */
export function text(style: Style, content: string, lines?: number): CardElement {
  const clamp: Style = lines ? { display: 'block', lineClamp: lines } : { display: 'flex' }
  return { type: 'div', props: { style: { ...clamp, ...style }, children: content } }
}

export function image(src: string, width: number, height: number, style: Style = {}): CardElement {
  return { type: 'img', props: { src, width, height, style: { width, height, ...style } } }
}
