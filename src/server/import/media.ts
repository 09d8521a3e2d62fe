/**
 * A picture a .docx carried, as the import hands it over for storing beside the issue. Its id is the
 * sha256 (hex) of its bytes, so the same picture in two issues is stored once, and an ImageBlock's
 * `mediaId` names it. Binary data stays on the server side: core's Issue holds only the id and size.
 */
import type { ImportResult, Stream } from '../../core/import'

export interface ImportedMedia {
  id: string
  contentType: string
  bytes: Uint8Array
  width: number | null
  height: number | null
}

/**
 * What importDocument gives: the core result, with the pictures of a .docx that had any and the
 * stream the importer read (`source`: kept with the draft, for the console's check and fix).
 */
export type DocumentImport = (Extract<ImportResult, { ok: true }> & { media?: ImportedMedia[]; source?: Stream }) | Extract<ImportResult, { ok: false }>
