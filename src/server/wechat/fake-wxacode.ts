/**
 * The fake WeChat's mini-program code: a real PNG that looks like a 小程序码 (a round code with three
 * eyes and a dotted field) whose dot pattern is derived from the scene and page, so different articles
 * get visibly different codes and tests can tell them apart. Not scannable; the real one comes from
 * WeChat.
 */
import { createHash } from 'node:crypto'
import { Resvg } from '@resvg/resvg-js'

const GRID = 25

function patternBits(seed: string): boolean[] {
  const bits: boolean[] = []
  let block = createHash('sha256').update(seed).digest()
  while (bits.length < GRID * GRID) {
    for (const byte of block) for (let i = 0; i < 8; i++) bits.push(((byte >> i) & 1) === 1)
    block = createHash('sha256').update(block).digest()
  }
  return bits
}

function eye(cx: number, cy: number, r: number, color: string): string {
  return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${color}" stroke-width="${r * 0.35}"/>` + `<circle cx="${cx}" cy="${cy}" r="${r * 0.4}" fill="${color}"/>`
}

/** The code as an SVG of `width` pixels square. */
export function wxaCodeSvg(scene: string, page: string, width: number): string {
  const size = width
  const c = size / 2
  const radius = size * 0.48
  const cell = (radius * 2 * 0.78) / GRID
  const origin = c - (cell * GRID) / 2
  const color = '#1a1a1a'
  const bits = patternBits(`${page}\n${scene}`)
  const dots: string[] = []
  for (let row = 0; row < GRID; row++) {
    for (let col = 0; col < GRID; col++) {
      if (!bits[row * GRID + col]) continue
      const x = origin + (col + 0.5) * cell
      const y = origin + (row + 0.5) * cell
      if (Math.hypot(x - c, y - c) > radius * 0.74) continue
      if (Math.hypot(x - c, y - c) < radius * 0.2) continue // the centre holds the logo
      const nearEye = [
        [0.27, 0.27],
        [0.73, 0.27],
        [0.27, 0.73],
      ].some(([ex, ey]) => Math.hypot(x - ex * size, y - ey * size) < size * 0.11)
      if (nearEye) continue
      dots.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(cell * 0.42).toFixed(1)}" fill="${color}"/>`)
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<rect width="${size}" height="${size}" fill="#ffffff"/>` +
    `<circle cx="${c}" cy="${c}" r="${radius}" fill="#ffffff" stroke="#e6e6e6" stroke-width="2"/>` +
    dots.join('') +
    eye(size * 0.27, size * 0.27, size * 0.07, color) +
    eye(size * 0.73, size * 0.27, size * 0.07, color) +
    eye(size * 0.27, size * 0.73, size * 0.07, color) +
    `<circle cx="${c}" cy="${c}" r="${radius * 0.17}" fill="#07c160"/>` +
    `</svg>`
  )
}

export function renderWxaCodePng(scene: string, page: string, width: number): Uint8Array {
  return new Resvg(wxaCodeSvg(scene, page, width)).render().asPng()
}
