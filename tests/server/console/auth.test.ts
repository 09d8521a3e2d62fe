/** Console sign-in, sessions, CSRF and roles, through the HTTP routes, on both databases. */
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, type TestApp } from '../support/app'
import { addEditor, PASSWORD, SAMPLE, signIn, signInRequest, storeDraft } from './support'
import { hashPassword } from '../../../src/server/auth/passwords'

describeOnEachBackend('console sign-in and sessions', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend, { config: { console: { sessionHours: 12, requireSecondApprover: false, signInFailures: 3 } } })
    await addEditor(t, '王编辑', 'editor')
    await addEditor(t, '李主编', 'chief')
    await addEditor(t, '赵离职', 'editor')
    await addEditor(t, '限次', 'editor')
    await addEditor(t, '齐发', 'editor')
    await addEditor(t, '换密码', 'editor')
  })
  afterAll(() => t.close())

  it('answers 401 not-signed-in as JSON without a session, and with a made-up cookie', async () => {
    for (const headers of [{}, { cookie: 'ub_console=forged-token' }] as Array<Record<string, string>>) {
      const res = await t.inject({ url: '/api/console/issues', headers })
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toMatch(/^application\/json/)
      expect(res.json()).toEqual({ error: 'not-signed-in', message: expect.stringContaining('登录') })
    }
    expect((await t.inject({ url: '/api/console/session' })).json().error).toBe('not-signed-in')
  })

  it('signs in with an httpOnly SameSite=Strict cookie; the session answers with the editor and the same CSRF token', async () => {
    const res = await t.inject(signInRequest('王编辑', PASSWORD))
    expect(res.statusCode).toBe(200)
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(/^ub_console=[\w-]{40,};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).not.toMatch(/Secure/) // plain http here
    expect(res.json()).toEqual({ editor: { id: expect.any(Number), name: '王编辑', role: 'editor' }, csrfToken: expect.any(String) })
    const session = await t.inject({ url: '/api/console/session', headers: { cookie: cookie.split(';')[0] } })
    expect(session.json()).toEqual(res.json())
  })

  it('keeps no session token in the database, only its hash', async () => {
    const browser = await signIn(t, '王编辑')
    const token = browser.cookie.split('=')[1]
    const { liveSession } = t.storage.editors
    expect(await liveSession(token)).toBeNull()
  })

  it('refuses a state-changing request without the CSRF token, or with another session’s (403 csrf-token-missing)', async () => {
    const editor = await signIn(t, '王编辑')
    const other = await signIn(t, '李主编')
    const upload = { method: 'POST', url: '/api/console/issues', headers: { 'content-type': 'application/json' }, payload: {} }
    const without = await editor.send({ ...upload, csrf: false })
    expect(without.statusCode).toBe(403)
    expect(without.json().error).toBe('csrf-token-missing')
    const wrong = await editor.send({ ...upload, csrf: false, headers: { 'x-csrf-token': other.csrfToken } })
    expect(wrong.json().error).toBe('csrf-token-missing')
    const signOut = await editor.send({ method: 'DELETE', url: '/api/console/session', csrf: false })
    expect(signOut.statusCode).toBe(403)
    // Reads need no token.
    expect((await editor.send({ url: '/api/console/issues', csrf: false })).statusCode).toBe(200)
  })

  it('answers an unknown name exactly as a wrong password', async () => {
    const unknown = await t.inject(signInRequest('没有这个人', PASSWORD))
    const wrong = await t.inject(signInRequest('李主编', 'wrong password'))
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(unknown.body).toBe(wrong.body)
    expect(unknown.json()).toEqual({ error: 'sign-in-failed', message: '用户名或密码不正确' })
    expect(unknown.headers['set-cookie']).toBeUndefined()
  })

  it('limits wrong passwords per name: 429 with retryAfterSeconds, even for the right password, until the window ends', async () => {
    for (let i = 0; i < 3; i++) expect((await t.inject(signInRequest('限次', `guess ${i}`))).statusCode).toBe(401)
    const limited = await t.inject(signInRequest('限次', PASSWORD))
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({ error: 'too-many-attempts', message: expect.any(String), retryAfterSeconds: expect.any(Number) })
    expect(limited.json().retryAfterSeconds).toBeGreaterThan(0)
    expect(limited.headers['retry-after']).toBe(String(limited.json().retryAfterSeconds))
    // Another name from elsewhere is not held up by it.
    expect((await t.inject(signInRequest('王编辑', PASSWORD, {}))).statusCode).toBe(200)
  })

  it('counts wrong passwords sent all at once: no more than the limit are even checked', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => t.inject(signInRequest('齐发', `guess ${i}`))))
    const statuses = answers.map((a) => a.statusCode).sort()
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429])
  })

  it('a new password ends the sessions signed in with the old one', async () => {
    const before = await signIn(t, '换密码')
    expect((await before.send({ url: '/api/console/issues' })).statusCode).toBe(200)
    expect(await t.storage.editors.setPassword('换密码', await hashPassword('a brand new password'))).toBe(true)
    expect((await before.send({ url: '/api/console/issues' })).statusCode).toBe(401)
    expect((await t.inject(signInRequest('换密码', 'a brand new password'))).statusCode).toBe(200)
  })

  it('a disabled account cannot sign in, and its open sessions stop working', async () => {
    const before = await signIn(t, '赵离职')
    expect((await before.send({ url: '/api/console/issues' })).statusCode).toBe(200)
    expect(await t.storage.editors.disable('赵离职')).toBe(true)
    expect((await before.send({ url: '/api/console/issues' })).statusCode).toBe(401)
    const again = await t.inject(signInRequest('赵离职', PASSWORD))
    expect(again.statusCode).toBe(401)
    expect(again.json().error).toBe('sign-in-failed')
  })

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const browser = await signIn(t, '王编辑')
    const out = await browser.send({ method: 'DELETE', url: '/api/console/session' })
    expect(out.statusCode).toBe(204)
    expect(String(out.headers['set-cookie'])).toMatch(/^ub_console=; .*Max-Age=0/)
    expect((await browser.send({ url: '/api/console/session' })).statusCode).toBe(401)
  })

  it('an editor may upload but not publish, unpublish or delete (403 chief-only); a chief may', async () => {
    const editor = await signIn(t, '王编辑')
    const chief = await signIn(t, '李主编')
    const id = await storeDraft(t, SAMPLE)
    for (const [method, url] of [
      ['POST', `/api/console/issues/${id}/publish`],
      ['POST', `/api/console/issues/${id}/unpublish`],
      ['DELETE', `/api/console/issues/${id}`],
    ] as const) {
      const res = await editor.send({ method, url, ...(url.endsWith('unpublish') ? { payload: { reason: '测试' } } : {}) })
      expect([url, res.statusCode, res.json().error]).toEqual([url, 403, 'chief-only'])
    }
    const published = await chief.send({ method: 'POST', url: `/api/console/issues/${id}/publish` })
    expect(published.statusCode).toBe(200)
    expect(published.json().issue.status).toBe('published')
  })
})

describeOnEachBackend('console sessions expire', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend)
    await addEditor(t, '王编辑', 'editor')
  })
  afterAll(() => t.close())

  it('a session past its expiry is refused', async () => {
    const browser = await signIn(t, '王编辑')
    const token = browser.cookie.split('=')[1]
    const { createHash } = await import('node:crypto')
    const hash = createHash('sha256').update(token).digest('hex')
    const live = await t.storage.editors.liveSession(hash)
    expect(live).not.toBeNull()
    expect(live!.expiresAt - Date.now()).toBeGreaterThan(11 * 3600_000) // the default, 12 hours
    expect(await t.storage.editors.liveSession(hash, live!.expiresAt)).toBeNull()
    expect(await t.storage.editors.deleteExpiredSessions(live!.expiresAt)).toBeGreaterThanOrEqual(1)
    expect((await browser.send({ url: '/api/console/session' })).statusCode).toBe(401)
  })
})
