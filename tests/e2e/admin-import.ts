/**
 * Puts issues on a running backend the way editors do: POST /api/admin/issues with the document as
 * text/markdown, then POST /api/admin/issues/:id/publish. Used by the browser suites needing more
 * than the one sample issue a fresh install is seeded with.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../client/support/server'

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789'

/** The seeded sample with its year and date changed, so it imports as another issue. */
export function sampleAs(year: number, month: number): string {
  const sample = readFileSync(path.join(ROOT, 'samples/gonghui-xinxi-2020-20.md'), 'utf8')
  const changed = sample.replace('〔2020〕第二十期', `〔${year}〕第二十期`).replace('2020年7月13日', `${year}年${month}月13日`)
  if (changed === sample) throw new Error('the sample no longer has the label and date this helper rewrites')
  return changed
}

export function fixture(name: string): string {
  return readFileSync(path.join(ROOT, 'tests/fixtures', name), 'utf8')
}

async function admin(base: string, route: string, init: RequestInit = {}) {
  const response = await fetch(base + route, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...init.headers } })
  const body = (await response.json()) as { id: number; label?: string; error?: { message: string } }
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${route} answered ${response.status}: ${body.error?.message}`)
  return body
}

/** Imports the document (markdown, or plain text) as a draft and publishes it; resolves to the issue's id. */
export async function importAndPublish(base: string, document: string, type: 'text/markdown' | 'text/plain' = 'text/markdown'): Promise<number> {
  const draft = await admin(base, '/api/admin/issues', { method: 'POST', headers: { 'content-type': `${type}; charset=utf-8` }, body: document })
  await admin(base, `/api/admin/issues/${draft.id}/publish`, { method: 'POST' })
  return draft.id
}

/** Imports a .docx (its pictures with it) as a draft and publishes it; resolves to the issue's id. */
export async function importDocxAndPublish(base: string, name: string): Promise<number> {
  const bytes = readFileSync(path.join(ROOT, 'tests/fixtures/corpus', name))
  const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  const draft = await admin(base, '/api/admin/issues', { method: 'POST', headers: { 'content-type': type }, body: bytes })
  await admin(base, `/api/admin/issues/${draft.id}/publish`, { method: 'POST' })
  return draft.id
}

/**
 * Corrects the published issue's article whose text holds `from` (one line of its source changed
 * through POST /api/admin/issues/:id/correction); resolves to the corrected ids and the time.
 */
export async function correctArticleText(base: string, issueId: number, from: string, to: string, note: string): Promise<{ corrected: number[]; at: string }> {
  const source = (await admin(base, `/api/admin/issues/${issueId}/source`)) as unknown as { lines: Array<{ line: number; text: string }> }
  const line = source.lines.find((l) => l.text.includes(from))
  if (!line) throw new Error(`no line of issue ${issueId} holds ${from}`)
  const edit = { op: 'text', line: line.line, text: line.text.replace(from, to) }
  const answer = (await admin(base, `/api/admin/issues/${issueId}/correction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ edit, note }),
  })) as unknown as { corrected: number[] }
  const article = (await (await fetch(`${base}/api/articles/${answer.corrected[0]}`)).json()) as { article: { corrections: Array<{ at: string }> } }
  return { corrected: answer.corrected, at: article.article.corrections[0].at }
}
