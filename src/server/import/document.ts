/**
 * Any document an editor uploads (bytes + file name) → ImportResult. .md/.txt go straight to the
 * core importer; .docx goes through mammoth first, keeping bold runs as **…** so bold titles survive.
 *
 * CONTRACT: importDocument(bytes, fileName) → Promise<ImportResult>; never throws for bad input.
 */
import type { ImportResult } from '../../core/import'

export async function importDocument(_bytes: Uint8Array, _fileName: string): Promise<ImportResult> {
  throw new Error('importDocument: not implemented yet')
}
