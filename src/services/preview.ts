/**
 * The editors' console opens a draft in the H5 reader as /issues/:id?preview=TOKEN. The token is
 * read once from the address the app opened with and kept for this visit, so the draft's articles
 * open too; the API calls carry it (./api.ts) and the pages show that this is a preview.
 * The mini-program never has one.
 */
import { isH5 } from './platform'

let token: string | null | undefined

export function previewToken(): string | null {
  if (token !== undefined) return token
  token = null
  if (isH5 && typeof window !== 'undefined') {
    const given = new URLSearchParams(window.location.search).get('preview')
    token = given && given.length <= 200 ? given : null
  }
  return token
}
