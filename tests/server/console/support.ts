/**
 * Shared by the console suites: accounts made through storage (as the CLI makes them), signing in
 * through the real route, and requests that carry the session cookie and the CSRF token.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { EditorRole } from '../../../src/core/console'
import { hashPassword } from '../../../src/server/auth/passwords'
import type { TestApp } from '../support/app'
import type { HttpAnswer, HttpRequest } from '../support/http'

export const SAMPLE = readFileSync(path.join(__dirname, '../../../samples/gonghui-xinxi-2020-20.md'), 'utf8')
/** The sample as another issue: same text, another number. */
export const sampleNumbered = (chinese: string) => SAMPLE.replace('〔2020〕第二十期', `〔2020〕第${chinese}期`)
export const PASSWORD = 'correct horse battery'

export async function addEditor(t: TestApp, name: string, role: EditorRole, password = PASSWORD): Promise<void> {
  const created = await t.storage.editors.create(name, role, await hashPassword(password))
  if (!created) throw new Error(`${name} exists`)
}

/** A signed-in editor's browser: its cookie and CSRF token on every request. */
export interface Browser {
  cookie: string
  csrfToken: string
  /** With the cookie; with the CSRF token unless `csrf: false`. */
  send(req: HttpRequest & { csrf?: boolean }): Promise<HttpAnswer>
}

export function signInRequest(name: string, password: string, headers: Record<string, string> = {}): HttpRequest {
  return { method: 'POST', url: '/api/console/session', payload: { name, password }, headers }
}

export async function signIn(t: TestApp, name: string, password = PASSWORD): Promise<Browser> {
  const res = await t.inject(signInRequest(name, password))
  if (res.statusCode !== 200) throw new Error(`sign-in of ${name}: ${res.statusCode} ${res.body}`)
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? ''
  const cookie = setCookie.split(';')[0]
  const csrfToken = res.json().csrfToken as string
  return {
    cookie,
    csrfToken,
    send: ({ csrf = true, ...req }) => t.inject({ ...req, headers: { cookie, ...(csrf ? { 'x-csrf-token': csrfToken } : {}), ...req.headers } }),
  }
}

/** The two accounts most suites work with, signed in: 王编辑 (an editor) and 李主编 (a chief). */
export async function signedInEditorAndChief(t: TestApp): Promise<{ editor: Browser; chief: Browser }> {
  await addEditor(t, '王编辑', 'editor')
  await addEditor(t, '李主编', 'chief')
  return { editor: await signIn(t, '王编辑'), chief: await signIn(t, '李主编') }
}

/** The 1-based number of the first line of `text` holding `needle` (0 when none does). */
export const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1

/** A multipart body of several `file` fields. */
export function multipart(files: Array<{ name: string; content: Buffer | string; type?: string }>) {
  const boundary = '----ubconsole' + Math.random().toString(16).slice(2)
  const parts = files.map(({ name, content, type = 'application/octet-stream' }) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: ${type}\r\n\r\n`),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from('\r\n'),
    ]),
  )
  const payload = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Stores a Markdown bulletin as a draft the way the CLI does (no editor, no audit line); its id. */
export async function storeDraft(t: TestApp, text: string): Promise<number> {
  const { publishing } = t.server.backend
  const [report] = await publishing.storeDocuments([{ fileName: 'issue.md', result: await publishing.readDocument(Buffer.from(text), 'issue.md') }])
  if (!report.ok) throw new Error(report.errors[0]?.message)
  return report.id
}
