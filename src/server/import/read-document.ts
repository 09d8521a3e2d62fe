/**
 * Any document an editor uploads (bytes + file name) → DocumentImport, in the calling thread.
 * .md/.txt are decoded and go to the core importer; a .docx is checked against the limits, then read
 * through mammoth into the core importer's stream. document.ts runs this in a worker thread.
 *
 * For a .docx, a problem's or warning's `line` counts the document's paragraphs (empty ones included)
 * and manual line breaks, one line each.
 */
import { importText, readStream, readText, type ImportRead, type ImportProblem } from '../../core/import'
import { decodeText } from './decode-text'
import { checkDocxLimits, DOCX_LIMITS } from './docx-limits'
import { docxToStream } from './docx-to-stream'
import type { DocumentImport } from './media'

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] // .doc, .xls: old Office files
const PDF = [0x25, 0x50, 0x44, 0x46] // %PDF

const fail = (problem: ImportProblem): DocumentImport => ({ ok: false, errors: [problem] })

/** A text file larger than this is not a bulletin (the sample is 12 KB). */
export const TEXT_LIMIT_BYTES = 8 * 1024 * 1024

export const tooLarge = (fileName: string, detail: string): ImportProblem => ({
  code: 'too-large',
  line: null,
  message: `${fileName}：文件过大或段落过多，不像一期简报，已拒绝导入；请检查是否选错了文件 (the document is too large to be a bulletin: ${detail})`,
})

/** A document the importer failed on in a way it did not foresee: say so plainly, keep the server up. */
export const unreadable = (fileName: string, detail: string): ImportProblem => ({
  code: 'binary',
  line: null,
  message: `${fileName}：读取这个文件时出错，无法导入；请另存为 .docx 或 .txt 后重试 (the document could not be read: ${detail})`,
})

async function readDocx(bytes: Uint8Array, fileName: string, extension: string): Promise<DocumentImport> {
  const unreadable = (reason: string) =>
    fail({
      code: extension === 'docx' ? 'unreadable-docx' : 'binary',
      line: null,
      message: `${fileName}：无法读取这个 Word 文件，它可能已损坏或并不是 .docx (cannot read the .docx: ${reason})`,
    })
  if (!startsWith(bytes, ZIP)) return unreadable('not a zip archive')
  const limits = checkDocxLimits(bytes)
  if (!limits.ok && limits.reason !== 'not-a-zip') return fail(tooLarge(fileName, limits.detail))
  const docx = await docxToStream(bytes)
  if (!docx.ok) return unreadable(docx.reason)
  const read = withSource(readStream(docx.stream))
  if (!read.ok || docx.media.length === 0) return read
  return { ...read, media: docx.media }
}

/** The result, with the stream it was read from when it is an issue. */
function withSource({ result, source }: ImportRead): DocumentImport {
  return result.ok && source ? { ...result, source } : result
}

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<DocumentImport> {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (bytes.length === 0) return importText('')
  if (startsWith(bytes, OLE)) {
    return fail({
      code: 'unsupported-format',
      line: null,
      message: `${fileName}：这是旧版 Word (.doc) 或其他 Office 文件，请在 Word 中另存为 .docx 后再导入 (old .doc format: save it as .docx)`,
    })
  }
  if (startsWith(bytes, PDF)) {
    return fail({
      code: 'unsupported-format',
      line: null,
      message: `${fileName}：PDF 文件无法导入，请导入 Word (.docx) 或文本 (.md/.txt) 原稿 (PDF cannot be imported; use the .docx or text)`,
    })
  }
  if (extension === 'docx' || startsWith(bytes, ZIP)) return readDocx(bytes, fileName, extension)
  if (bytes.length > TEXT_LIMIT_BYTES) return fail(tooLarge(fileName, `${bytes.length} bytes of text`))
  return withSource(readText(decodeText(bytes).text))
}

export { DOCX_LIMITS }
