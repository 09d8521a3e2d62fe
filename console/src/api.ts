/**
 * The console's only I/O: the routes of docs/console-api.md, same origin, with the session cookie.
 * Every state-changing request carries the CSRF token the session answered with.
 */
import type { AuditList, ConsoleError, ConsoleIssue, ConsoleIssueList, ConsoleSession, DeliveryTally, PreviewLink, PublishPreview, UploadAnswer } from '@/core/console'
import type { SourceEdit, SourceView } from '@/core/check'
import type { StoredIssue } from '@/core/bulletin'

/** POST …/edits: the issue read again, and its document as it now stands. */
export interface EditAnswer {
  issue: StoredIssue
  source: SourceView
}

/** POST …/correction: the corrected issue (still published) and the articles that changed. */
export interface CorrectionAnswer {
  issue: StoredIssue
  corrected: number[]
}

const BASE = '/api/console'

/** A refusal, in the server's words; status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly line?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

const UNREACHABLE = '连不上服务器，请检查网络后再试。'

/** The line a refusal is about: the importer's problems carry one in `details` (one, or a list). */
function lineOf(details: unknown): number | undefined {
  const first = (Array.isArray(details) ? details[0] : details) as { line?: unknown } | null | undefined
  return typeof first?.line === 'number' ? first.line : undefined
}

function errorFrom(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as Partial<ConsoleError> & { line?: number }
  if (typeof b.error === 'string') return new ApiError(status, b.error, b.message ?? '操作没有成功。', b.line ?? lineOf(b.details), b.retryAfterSeconds)
  return new ApiError(status, 'http-' + status, status >= 500 ? '服务器出了问题，请稍后再试。' : '操作没有成功。')
}

export type ConsoleApi = ReturnType<typeof createApi>

/** The API for one signed-in session; `onSignedOut` is told when the server no longer knows it. */
export function createApi(csrfToken: string, onSignedOut: () => void) {
  async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken
    const init: RequestInit = { method, headers, credentials: 'same-origin' }
    if (body instanceof FormData) init.body = body
    else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      init.body = JSON.stringify(body)
    }
    let response: Response
    try {
      response = await fetch(BASE + route, init)
    } catch {
      throw new ApiError(0, 'unreachable', UNREACHABLE)
    }
    if (response.status === 204) return undefined as T
    const parsed: unknown = await response.json().catch(() => null)
    if (!response.ok) {
      const error = errorFrom(response.status, parsed)
      if (response.status === 401) onSignedOut()
      throw error
    }
    return parsed as T
  }

  return {
    signOut: () => call<void>('DELETE', '/session'),
    issues: () => call<ConsoleIssueList>('GET', '/issues').then((r) => r.items),
    issue: (id: number) => call<ConsoleIssue>('GET', `/issues/${id}`),
    remove: (id: number) => call<void>('DELETE', `/issues/${id}`),
    source: (id: number) => call<SourceView>('GET', `/issues/${id}/source`),
    edit: (id: number, edit: SourceEdit) => call<EditAnswer>('POST', `/issues/${id}/edits`, { edit }),
    publishPreview: (id: number) => call<PublishPreview>('GET', `/issues/${id}/publish-preview`),
    publish: (id: number) => call<{ issue: StoredIssue }>('POST', `/issues/${id}/publish`),
    deliveries: (id: number) => call<DeliveryTally>('GET', `/issues/${id}/deliveries`),
    unpublish: (id: number, reason: string) => call<{ issue: StoredIssue }>('POST', `/issues/${id}/unpublish`, { reason }),
    preview: (id: number) => call<PreviewLink>('POST', `/issues/${id}/preview`),
    correctWithEdit: (id: number, edit: SourceEdit, note: string) => call<CorrectionAnswer>('POST', `/issues/${id}/correction`, { edit, note }),
    correctWithFile: (id: number, file: File, note: string) => {
      const form = new FormData()
      form.append('note', note)
      form.append('file', file)
      return call<CorrectionAnswer>('POST', `/issues/${id}/correction`, form)
    },
    audit: (issueId?: number) => call<AuditList>('GET', issueId ? `/audit?issueId=${issueId}` : '/audit').then((r) => r.items),
    /** Several files in one request, through XHR for its upload progress (fetch has none). */
    upload: (files: File[], replace: boolean, onProgress: (fraction: number) => void) =>
      new Promise<UploadAnswer>((resolve, reject) => {
        const form = new FormData()
        for (const file of files) form.append('file', file, file.name)
        const xhr = new XMLHttpRequest()
        xhr.open('POST', `${BASE}/issues${replace ? '?replace=true' : ''}`)
        xhr.setRequestHeader('x-csrf-token', csrfToken)
        xhr.setRequestHeader('accept', 'application/json')
        xhr.responseType = 'json'
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
        xhr.onerror = () => reject(new ApiError(0, 'unreachable', UNREACHABLE))
        xhr.onload = () => {
          if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.response as UploadAnswer)
          if (xhr.status === 401) onSignedOut()
          reject(errorFrom(xhr.status, xhr.response))
        }
        xhr.send(form)
      }),
  }
}

/** The session the cookie holds, or null when no one is signed in. */
export async function currentSession(): Promise<ConsoleSession | null> {
  let response: Response
  try {
    response = await fetch(BASE + '/session', { credentials: 'same-origin', headers: { accept: 'application/json' } })
  } catch {
    throw new ApiError(0, 'unreachable', UNREACHABLE)
  }
  if (response.status === 401) return null
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw errorFrom(response.status, body)
  return body as ConsoleSession
}

export async function signIn(name: string, password: string): Promise<ConsoleSession> {
  let response: Response
  try {
    response = await fetch(BASE + '/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name, password }),
    })
  } catch {
    throw new ApiError(0, 'unreachable', UNREACHABLE)
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw errorFrom(response.status, body)
  return body as ConsoleSession
}
