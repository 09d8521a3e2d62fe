import { breakFullWidth } from './typeset'

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

/** A run of text; `lines` clamps it with an ellipsis (satori needs display:block for that). */
export function text(style: Style, content: string, lines?: number): CardElement {
  const clamp: Style = lines ? { display: 'block', lineClamp: lines } : { display: 'flex' }
  return { type: 'div', props: { style: { ...clamp, ...style }, children: content } }
}

/**
 * A clamped paragraph `width` pixels wide, broken by Chinese rules when it is all full-width (see
 * ./typeset), else by satori's.
 */
export function paragraph(style: Style & { fontSize: number }, width: number, content: string, lines: number): CardElement {
  const broken = breakFullWidth(content, Math.floor(width / style.fontSize))
  const breaking: Style = broken === null ? {} : { whiteSpace: 'pre-line', wordBreak: 'break-all' }
  return text({ width, ...style, ...breaking }, broken ?? content, lines)
}

export function image(src: string, width: number, height: number, style: Style = {}): CardElement {
  return { type: 'img', props: { src, width, height, style: { width, height, ...style } } }
}
