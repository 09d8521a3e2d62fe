/**
 * A .docx → the importer's stream, through mammoth: bold runs, heading styles, numbered lists,
 * tables and pictures from its HTML; alignment and page breaks, which its HTML drops, through a
 * document transform and the style map. Page headers and footers are never read: they are page
 * furniture. Each picture's bytes are kept, named by their sha256. Failure is a value, never a throw.
 */
import { createHash } from 'node:crypto'
import type Mammoth from 'mammoth'
import type { Stream } from '../../core/import'
import { htmlToStream } from './html-to-lines'
import { pixelSize } from './image-size'
import type { ImportedMedia } from './media'

export type DocxStream = { ok: true; stream: Stream; media: ImportedMedia[] } | { ok: false; reason: string }

const STYLE_MAP = ["br[type='page'] => hr.page-break", "p[style-name='ub-align-center'] => p.align-center:fresh", "p[style-name='ub-align-right'] => p.align-right:fresh"]

/** mammoth's document transforms, which its type declarations leave out. */
type Transforms = { paragraph(f: (p: MammothParagraph) => MammothParagraph): unknown }

/**
 * mammoth (and its XML and zip readers) is loaded on the first .docx, not with this module: text
 * documents, the import command line and the server's start never pay for it.
 */
let loaded: Promise<typeof Mammoth> | null = null
const loadMammoth = () => (loaded ??= import('mammoth').then((m) => ((m as { default?: typeof Mammoth }).default ?? m) as typeof Mammoth))

interface MammothParagraph {
  alignment?: string
  styleName?: string | null
}

/** Alignment becomes a style name the style map turns into a class; a heading keeps its own style. */
function markAlignment(paragraph: MammothParagraph): MammothParagraph {
  // Word writes right as "right"; LibreOffice and newer Word as "end".
  const align = paragraph.alignment === 'end' ? 'right' : paragraph.alignment
  if ((align !== 'center' && align !== 'right') || /heading|title|标题/i.test(paragraph.styleName ?? '')) return paragraph
  return { ...paragraph, styleName: `ub-align-${align}` }
}

export async function docxToStream(bytes: Uint8Array): Promise<DocxStream> {
  const media = new Map<string, ImportedMedia>()
  try {
    const mammoth = await loadMammoth()
    const transforms = (mammoth as unknown as { transforms: Transforms }).transforms
    const convertImage = mammoth.images.imgElement(async (image: { contentType: string; readAsBuffer(): Promise<Buffer> }) => {
      const data = new Uint8Array(await image.readAsBuffer())
      const id = createHash('sha256').update(data).digest('hex')
      const size = pixelSize(data)
      media.set(id, { id, contentType: image.contentType, bytes: data, width: size?.width ?? null, height: size?.height ?? null })
      return { src: `media:${id}` }
    })
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Empty paragraphs are kept so that line numbers match the document's paragraphs.
      { ignoreEmptyParagraphs: false, styleMap: STYLE_MAP, convertImage, transformDocument: transforms.paragraph(markAlignment) } as Parameters<typeof mammoth.convertToHtml>[1],
    )
    const blocks = htmlToStream(result.value, {
      picture: (src, alt) => {
        const found = media.get(src.replace(/^media:/, ''))
        return found ? { mediaId: found.id, width: found.width, height: found.height, alt } : null
      },
    })
    return { ok: true, stream: { blocks, warnings: [] }, media: [...media.values()] }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) }
  }
}
