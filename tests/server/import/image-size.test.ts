/**
 * The picture size reader (src/server/import/image-size.ts) on real files: the JPEG that
 * LibreOffice put in word-table-photo.docx (made with sharp by the fixture generator) and PNGs and
 * JPEGs made by sharp here, against what sharp itself reads from them.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { pixelSize } from '../../../src/server/import/image-size'
import { importDocument } from '../../../src/server/import/document'

describe('picture sizes', () => {
  it('reads the JPEG of a .docx as sharp does', async () => {
    const docx = readFileSync(path.join(__dirname, '../../fixtures/corpus/word-table-photo.docx'))
    const result = await importDocument(docx, 'word-table-photo.docx')
    expect(result.ok).toBe(true)
    const media = result.ok ? (result.media ?? []) : []
    expect(media.map((m) => m.contentType)).toEqual(['image/jpeg'])
    const meta = await sharp(media[0].bytes).metadata()
    expect(pixelSize(media[0].bytes)).toEqual({ width: meta.width, height: meta.height })
    expect(pixelSize(media[0].bytes)).toEqual({ width: 960, height: 640 })
  })

  it.each([
    ['jpeg', 1, 1],
    ['jpeg', 333, 77],
    ['jpeg', 4000, 3000],
    ['png', 17, 900],
  ] as const)('reads a %s of %i×%i', async (format, width, height) => {
    const image = sharp({ create: { width, height, channels: 3, background: { r: 10, g: 20, b: 30 } } })
    const bytes =
      format === 'jpeg'
        ? await image
            .jpeg({ progressive: width > 1000 })
            .withMetadata({ exif: { IFD0: { Copyright: 'union' } } })
            .toBuffer()
        : await image.png().toBuffer()
    expect(pixelSize(bytes)).toEqual({ width, height })
  })

  it('gives null for what is not a picture it knows, or a cut-off JPEG', () => {
    expect(pixelSize(Buffer.from('not a picture'))).toBeNull()
    expect(pixelSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeNull()
  })
})
