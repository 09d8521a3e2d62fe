/**
 * Element tree → PNG: satori lays the card out and turns its text into vector outlines (SVG), resvg
 * rasterises that. Because satori outlines every glyph, resvg needs no fonts of its own. Resvg runs
 * in libuv's thread pool (renderAsync), so the rasterising, the larger part of a render, does not
 * hold up the server's other requests.
 */
import type { ReactNode } from 'react'
import satori from 'satori'
import { renderAsync } from '@resvg/resvg-js'
import type { CardChild, CardElement } from './elements'
import type { CardFonts } from './fonts'

export interface CardSize {
  width: number
  height: number
}

/** Every string drawn by the tree, so the right font subsets can be chosen. */
export function textOf(node: CardChild | CardChild[] | undefined): string {
  if (!node) return ''
  if (typeof node === 'string') return node
  if (Array.isArray(node)) return node.map(textOf).join('')
  return textOf(node.props.children)
}

export function createCardRenderer(fonts: CardFonts) {
  return async function renderPng(tree: CardElement, size: CardSize): Promise<Uint8Array> {
    const svg = await satori(tree as unknown as ReactNode, {
      width: size.width,
      height: size.height,
      fonts: fonts.fontsFor(textOf(tree) + '…'),
    })
    const rendered = await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })
    const png = rendered.asPng()
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
  }
}

export type CardRenderer = ReturnType<typeof createCardRenderer>
