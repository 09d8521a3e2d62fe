import type { FastifyPluginAsync } from 'fastify'
import { describeOnEachBackend } from '../support/storages'
import { buildTestApp, type TestApp } from '../support/app'

const failingPlugin: FastifyPluginAsync = async (app) => {
  app.get('/explode', async () => {
    throw new Error('SELECT secret FROM internals -- stack detail')
  })
  app.get('/me/plugin-member', { preHandler: app.authenticateMember }, async (request) => ({ member: request.member }))
}

describeOnEachBackend('health, config, OpenAPI, errors, route plugins', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend, { config: { newIssueTemplateId: 'tmpl-new-issue' }, routePlugins: [failingPlugin] })
  })
  afterAll(() => t.close())

  it('GET /healthz answers ok with the database kind', async () => {
    const res = await t.inject({ url: '/healthz' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: backend.name })
  })

  it('GET /api/config gives the client configuration', async () => {
    expect((await t.inject({ url: '/api/config' })).json()).toEqual({ newIssueTemplateId: 'tmpl-new-issue' })
  })

  it('GET /api/openapi.json describes the routes', async () => {
    const res = await t.inject({ url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const p of [
      '/api/issues',
      '/api/issues/{id}',
      '/api/articles/{id}',
      '/api/search',
      '/api/auth/wechat',
      '/api/auth/device',
      '/api/me/favourites',
      '/api/me/favourites/{articleId}',
      '/api/config',
      '/api/admin/issues',
      '/api/admin/issues/{id}/publish',
      '/api/admin/issues/{id}/unpublish',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p)
    }
    expect(doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'limit', 'cursor', 'year', 'section']))
  })

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.inject({ url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('not-found')
  })

  it('never leaks a 5xx error detail', async () => {
    const res = await t.inject({ url: '/api/explode' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } })
    expect(res.body).not.toMatch(/SELECT|stack|internals/)
  })

  it('lets route plugins use app.authenticateMember', async () => {
    expect((await t.inject({ url: '/api/me/plugin-member' })).statusCode).toBe(401)
    const { token, memberId } = (await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'device-plugin-member-01' } })).json()
    const res = await t.inject({ url: '/api/me/plugin-member', headers: { authorization: `Bearer ${token}` } })
    expect(res.json()).toEqual({ member: { id: memberId, openid: null } })
  })

  it('answers 413 in JSON for a JSON body over 5 MB', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceId: 'x'.repeat(5 * 1024 * 1024) } })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('payload-too-large')
  })
})
