/**
 * Any document an editor uploads (bytes + file name) → ImportResult. .md/.txt go straight to the
 * core importer; .docx goes through mammoth first, keeping bold runs as **…** so bold titles survive.
 *
 * CONTRACT: importDocument(bytes, fileName) → Promise<ImportResult>; never throws for bad input.
 * For a .docx, a problem's or warning's `line` counts the document's paragraphs (empty ones included)
 * and manual line breaks, one line each.
 */
import { importText, type ImportProblem, type ImportResult } from '../../core/import'
import { decodeText } from './decode-text'
import { docxToText } from './docx-to-text'

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] // .doc, .xls: old Office files
const PDF = [0x25, 0x50, 0x44, 0x46] // %PDF

const fail = (problem: ImportProblem): ImportResult => ({ ok: false, errors: [problem] })

export async function importDocument(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  if (bytes.length === 0) return importText('')
  if (startsWith(bytes, OLE)) {
    return fail({ code: 'unsupported-format', line: null, message: `${fileName}：这是旧版 Word (.doc) 或其他 Office 文件，请在 Word 中另存为 .docx 后再导入 (old .doc format: save it as .docx)` })
  }
  if (startsWith(bytes, PDF)) {
    return fail({ code: 'unsupported-format', line: null, message: `${fileName}：PDF 文件无法导入，请导入 Word (.docx) 或文本 (.md/.txt) 原稿 (PDF cannot be imported; use the .docx or text)` })
  }
  if (extension === 'docx' || startsWith(bytes, ZIP)) {
    const docx = startsWith(bytes, ZIP) ? await docxToText(bytes) : { ok: false as const, reason: 'not a zip archive' }
    if (docx.ok) return importText(docx.text)
    return fail({
      code: extension === 'docx' ? 'unreadable-docx' : 'binary',
      line: null,
      message: `${fileName}：无法读取这个 Word 文件，它可能已损坏或并不是 .docx (cannot read the .docx: ${docx.reason})`,
    })
  }
  return importText(decodeText(bytes).text)
}
