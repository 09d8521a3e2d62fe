/**
 * Who the member is to the backend. The mini-program signs in with a WeChat login code, H5 with an
 * anonymous device id; how to get either is passed in, so tests use the real backend's device login.
 */
import { createStore } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { SessionResponse } from '../core/api'
import type { Api } from '../services/api'
import { zustandStorage, type KeyValueStore } from '../services/storage'

export type Credential = { kind: 'wechat'; code: string } | { kind: 'device'; deviceId: string }

export interface SessionState {
  token: string | null
  memberId: number | null
  expiresAt: string | null
  signingIn: boolean
  /** Signs in unless a valid session is kept; resolves to the token, or null if it could not. */
  ensureSignedIn(): Promise<string | null>
  /**
   * The server refused `rejected` (401): forget it and sign in again; resolves to the new token
   * (or null). Callers that hit the same 401 at once share one sign-in.
   */
  renew(rejected: string): Promise<string | null>
  signOut(): void
}

export interface SessionDeps {
  api: Pick<Api, 'loginWechat' | 'loginDevice'>
  store: KeyValueStore
  obtainCredential(): Promise<Credential>
  now?: () => number
}

export function createSessionStore(deps: SessionDeps) {
  const now = deps.now ?? Date.now
  let pending: Promise<string | null> | null = null
  return createStore<SessionState>()(
    persist(
      (set, get) => ({
        token: null,
        memberId: null,
        expiresAt: null,
        signingIn: false,
        ensureSignedIn() {
          const { token, expiresAt } = get()
          // A minute's margin so a request does not leave with a token that expires on the way.
          if (token && expiresAt && Date.parse(expiresAt) - 60_000 > now()) return Promise.resolve(token)
          if (pending) return pending
          set({ signingIn: true })
          pending = (async () => {
            try {
              const credential = await deps.obtainCredential()
              const session: SessionResponse = credential.kind === 'wechat' ? await deps.api.loginWechat(credential.code) : await deps.api.loginDevice(credential.deviceId)
              set({ token: session.token, memberId: session.memberId, expiresAt: session.expiresAt, signingIn: false })
              return session.token
            } catch {
              set({ signingIn: false })
              return null
            } finally {
              pending = null
            }
          })()
          return pending
        },
        renew(rejected) {
          if (get().token !== rejected) return pending ?? Promise.resolve(get().token)
          set({ token: null, memberId: null, expiresAt: null })
          return get().ensureSignedIn()
        },
        signOut: () => set({ token: null, memberId: null, expiresAt: null }),
      }),
      { name: 'session', storage: createJSONStorage(() => zustandStorage(deps.store)), partialize: (s) => ({ token: s.token, memberId: s.memberId, expiresAt: s.expiresAt }) },
    ),
  )
}

/** A stable anonymous id for the H5 client's device login. */
export function deviceIdFrom(store: KeyValueStore, random: () => number = Math.random): string {
  const existing = store.get('device-id')
  if (existing) return existing
  const id = 'h5-' + Array.from({ length: 24 }, () => Math.floor(random() * 36).toString(36)).join('')
  store.set('device-id', id)
  return id
}
