/**
 * Editors' console sessions. Signing in with a name and a password gives a random session token in
 * an httpOnly, SameSite=Strict cookie (Secure when the request came over https, as TRUST_PROXY lets
 * us know), and a synchroniser CSRF token the console sends back in `x-csrf-token` on every
 * state-changing request. Sessions live in the database (only the token's sha256), so every server
 * process knows them; a disabled account's sessions stop working at once.
 *
 * Sign-in answers an unknown name exactly as a wrong password (same status, same words, and a
 * scrypt check against a dummy hash, so it takes as long). Failures are limited per name and per
 * address (in memory, per process): past the limit, 429 with how long to wait, without the
 * password being looked at.
 *
 * `app.requireEditor` / `app.requireChief` are the preHandlers of the console's routes; they put
 * the signed-in editor on `request.editor`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ConsoleEditor, ConsoleSession } from '../../core/console'
import type { Storage } from '../storage/storage'
import type { ConsoleConfig } from '../config'
import { ApiError } from '../http/errors'
import { dummyHash, verifyPassword } from './passwords'
import { createFailureWindow } from './failure-window'

export const SESSION_COOKIE = 'ub_console'
const FAILURE_WINDOW_MS = 15 * 60_000
/** An address may fail this many times the per-name limit (an office shares one address). */
const ADDRESS_FACTOR = 4
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

declare module 'fastify' {
  interface FastifyInstance {
    requireEditor: (request: FastifyRequest) => Promise<void>
    requireChief: (request: FastifyRequest) => Promise<void>
  }
  interface FastifyRequest {
    /** Set by app.requireEditor / requireChief; null on routes that do not use them. */
    editor: ConsoleEditor
  }
}

export type SignInOutcome = { kind: 'signed-in'; session: ConsoleSession; token: string; expiresAt: number } | { kind: 'refused' } | { kind: 'wait'; retryAfterSeconds: number }

export interface ConsoleAuth {
  signIn(name: string, password: string, address: string): Promise<SignInOutcome>
  /** The live session the request's cookie names, or null. */
  sessionOf(request: FastifyRequest): Promise<(ConsoleSession & { tokenHash: string }) | null>
  signOut(tokenHash: string): Promise<void>
  setCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: number): void
  clearCookie(request: FastifyRequest, reply: FastifyReply): void
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const publicEditor = ({ id, name, role }: ConsoleEditor): ConsoleEditor => ({ id, name, role })

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null
  }
  return null
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a))
  const y = Buffer.from(sha256(b))
  return timingSafeEqual(x, y)
}

export function createConsoleAuth(storage: Storage, config: ConsoleConfig, clock: () => number = Date.now): ConsoleAuth {
  const byName = createFailureWindow(config.signInFailures, FAILURE_WINDOW_MS, clock)
  const byAddress = createFailureWindow(config.signInFailures * ADDRESS_FACTOR, FAILURE_WINDOW_MS, clock)
  const nameKey = (name: string) => name.normalize('NFC').toLowerCase()

  function cookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
    const secure = request.protocol === 'https' ? '; Secure' : ''
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`
  }

  return {
    async signIn(name, password, address) {
      const wait = Math.max(byName.waitSeconds(nameKey(name)), byAddress.waitSeconds(address))
      if (wait > 0) return { kind: 'wait', retryAfterSeconds: wait }
      // Counted before the (slow) check, so attempts sent all at once cannot all pass the limit.
      byName.fail(nameKey(name))
      byAddress.fail(address)
      const editor = await storage.editors.byName(name)
      // Always one scrypt check: an unknown or disabled name costs what a wrong password costs.
      const matches = await verifyPassword(password, editor?.passwordHash ?? (await dummyHash()))
      if (!editor || editor.disabled || !matches) return { kind: 'refused' }
      byName.clear(nameKey(name))
      byAddress.forgive(address)
      const token = randomBytes(32).toString('base64url')
      const csrfToken = randomBytes(32).toString('base64url')
      const now = clock()
      const expiresAt = now + config.sessionHours * 3600_000
      await storage.editors.deleteExpiredSessions(now)
      await storage.editors.createSession({ tokenHash: sha256(token), editorId: editor.id, csrfToken, expiresAt }, now)
      return { kind: 'signed-in', session: { editor: publicEditor(editor), csrfToken }, token, expiresAt }
    },
    async sessionOf(request) {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE)
      if (!token) return null
      const tokenHash = sha256(token)
      const live = await storage.editors.liveSession(tokenHash, clock())
      return live ? { editor: publicEditor(live.editor), csrfToken: live.csrfToken, tokenHash } : null
    },
    signOut: (tokenHash) => storage.editors.deleteSession(tokenHash),
    setCookie(request, reply, token, expiresAt) {
      reply.header('set-cookie', cookie(request, token, Math.max(0, Math.floor((expiresAt - clock()) / 1000))))
    },
    clearCookie(request, reply) {
      reply.header('set-cookie', cookie(request, '', 0))
    },
  }
}

/** Declares request.editor, app.requireEditor and app.requireChief on the root instance. */
export function installConsoleAuth(app: FastifyInstance, auth: ConsoleAuth): void {
  app.decorateRequest('editor', null as unknown as ConsoleEditor)
  const requireEditor = async (request: FastifyRequest) => {
    const session = await auth.sessionOf(request)
    if (!session) throw new ApiError(401, 'not-signed-in', '请先登录（登录已过期或尚未登录）')
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token']
      if (typeof given !== 'string' || given === '' || !sameText(given, session.csrfToken)) {
        throw new ApiError(403, 'csrf-token-missing', '这个请求缺少有效的安全令牌，请刷新页面后再试')
      }
    }
    request.editor = session.editor
  }
  app.decorate('requireEditor', requireEditor)
  app.decorate('requireChief', async (request: FastifyRequest) => {
    await requireEditor(request)
    if (request.editor.role !== 'chief') throw new ApiError(403, 'chief-only', '只有签发人（主编）可以做这件事')
  })
}
