/** A .docx → text the importer reads, through mammoth. Failure is a value, never a throw. */
import mammoth from 'mammoth'
import { htmlToLines } from './html-to-lines'

export type DocxText = { ok: true; text: string } | { ok: false; reason: string }

export async function docxToText(bytes: Uint8Array): Promise<DocxText> {
  try {
    // Empty paragraphs are kept so that line numbers match the document's paragraphs.
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false })
    return { ok: true, text: htmlToLines(result.value) }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) }
  }
}
