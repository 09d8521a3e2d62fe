/**
 * Pictures for phones: a stored picture (storage's `media`), resized with sharp to one of a few
 * widths and kept in a byte-bounded LRU. A picture's id is the sha256 of its bytes, so a resized
 * picture never changes: its ETag is the id and width, and it may be cached for a year.
 */
import sharp from 'sharp'
import type { StoredMedia } from '../storage/storage'
import { createByteLru } from './cards/lru'

/** The widths a client may ask for (CSS px × device pixel ratio of common phones); others are a 400. */
export const MEDIA_WIDTHS = [240, 480, 750, 1080, 1500] as const
export type MediaWidth = (typeof MEDIA_WIDTHS)[number]

export const MEDIA_ID = /^[0-9a-f]{64}$/

/** Types a browser or WeChat shows as an image; anything else is sent as a download. */
const SHOWN = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])

/** Decoding refuses pictures larger than this (a small file can claim a huge size). */
const MAX_INPUT_PIXELS = 40_000_000

export interface RenderedMedia {
  bytes: Uint8Array
  contentType: string
  etag: string
}

export interface MediaRenderer {
  /** `width` null: the picture as stored. A width at or above the picture's own gives it as stored. */
  render(media: StoredMedia, width: MediaWidth | null): Promise<RenderedMedia>
}

export function createMediaRenderer(opts: { cacheBytes?: number } = {}): MediaRenderer {
  const cache = createByteLru(opts.cacheBytes ?? 32 * 1024 * 1024)

  const original = (media: StoredMedia): RenderedMedia => ({
    bytes: media.bytes,
    contentType: SHOWN.has(media.contentType) ? media.contentType : 'application/octet-stream',
    etag: `"${media.id}"`,
  })

  return {
    async render(media, width) {
      if (width === null || (media.width !== null && width >= media.width)) return original(media)
      // JPEG stays JPEG (photographs); everything else becomes PNG (drawings, screenshots, a GIF's first frame).
      const jpeg = media.contentType === 'image/jpeg'
      const resized = { contentType: jpeg ? 'image/jpeg' : 'image/png', etag: `"${media.id}-w${width}"` }
      const key = `${media.id}:${width}`
      const hit = cache.get(key)
      if (hit) return { ...resized, bytes: hit }
      let bytes: Uint8Array
      try {
        const image = sharp(media.bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().resize({ width, withoutEnlargement: true })
        const buffer = jpeg ? await image.jpeg({ quality: 82, mozjpeg: true }).toBuffer() : await image.png({ compressionLevel: 9 }).toBuffer()
        bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      } catch {
        // Not a picture sharp reads (a Word EMF, a damaged file): as stored.
        return original(media)
      }
      cache.set(key, bytes)
      return { ...resized, bytes }
    },
  }
}
