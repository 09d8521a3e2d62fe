/**
 * A small PNG reader for the card tests (8-bit RGB/RGBA, non-interlaced: what resvg writes), so the
 * tests can look at the pixels of the images the server sends.
 */
import { inflateSync } from 'node:zlib'

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export interface DecodedPng {
  width: number
  height: number
  /** RGBA, 4 bytes per pixel, row by row. */
  rgba: Uint8Array
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a),
    pb = Math.abs(p - b),
    pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes)
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG')
  let offset = 8
  let width = 0,
    height = 0,
    colorType = 0
  const idat: Buffer[] = []
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset)
    const type = buf.toString('ascii', offset + 4, offset + 8)
    const data = buf.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs')
      colorType = data[9]
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') break
    offset += 12 + length
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`)
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const out = new Uint8Array(width * height * channels)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const src = y * (stride + 1) + 1
    const row = y * stride
    const up = row - stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[row + x - channels] : 0
      const b = y > 0 ? out[up + x] : 0
      let predictor = 0
      if (filter === 1) predictor = a
      else if (filter === 2) predictor = b
      else if (filter === 3) predictor = (a + b) >> 1
      else if (filter === 4) predictor = paeth(a, b, x >= channels && y > 0 ? out[up + x - channels] : 0)
      out[row + x] = (raw[src + x] + predictor) & 0xff
    }
  }
  if (channels === 4) return { width, height, rgba: out }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) rgba.set([out[i * 3], out[i * 3 + 1], out[i * 3 + 2], 255], i * 4)
  return { width, height, rgba }
}

export interface Region {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Is the pixel the near-black ink of titles (not the red masthead, not grey meta text)? */
export function isInk(png: DecodedPng, x: number, y: number): boolean {
  const i = (y * png.width + x) * 4
  return png.rgba[i] < 100 && png.rgba[i + 1] < 100 && png.rgba[i + 2] < 100
}

export function inkPixels(png: DecodedPng, r: Region): Set<number> {
  const ink = new Set<number>()
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) if (isInk(png, x, y)) ink.add(y * png.width + x)
  return ink
}

/** Bands of consecutive rows holding ink, at least `minHeight` tall: the text lines in a region. */
export function inkLines(png: DecodedPng, r: Region, minHeight = 20): Array<[number, number]> {
  const bands: Array<[number, number]> = []
  let start = -1
  for (let y = r.y0; y <= r.y1; y++) {
    let inked = false
    for (let x = r.x0; x < r.x1 && y < r.y1; x++)
      if (isInk(png, x, y)) {
        inked = true
        break
      }
    if (inked && start < 0) start = y
    if (!inked && start >= 0) {
      if (y - start >= minHeight) bands.push([start, y])
      start = -1
    }
  }
  return bands
}
