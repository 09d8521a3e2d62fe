/**
 * Secrets and limits: a short session secret on disk is refused; the data folder and secret are
 * private to the server's user; wrong admin tokens are limited per address; every way of signing in
 * shares one budget; X-Forwarded-For counts only behind the proxies TRUST_PROXY names; cards leave
 * emoji out instead of drawing boxes.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { resolveSessionSecret } from '../../../src/server/session-secret'
import { openStorage } from '../../../src/server/storage/open'
import { makeIssue } from '../support/archive'
import { ConfigError, loadConfig } from '../../../src/server/config'
import { createCardService } from '../../../src/server/services/cards/index'
import { describeOnEachBackend } from '../support/storages'
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../support/app'
import { articleDetails, sampleIssue } from '../cards/sample-data'
import type { WechatApi } from '../../../src/server/wechat/api'

describe('the session secret on disk', () => {
  let dir: string
  beforeEach(() => (dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'ub-secret-')), 'data')))
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }))

  it.each(['', 'short', 'x'.repeat(31)])('refuses a stored secret under 32 bytes (%j), naming the file', (stored) => {
    resolveSessionSecret(null, dir)
    writeFileSync(path.join(dir, 'session-secret'), stored)
    expect(() => resolveSessionSecret(null, dir)).toThrow(path.join(dir, 'session-secret'))
    expect(() => resolveSessionSecret(null, dir)).toThrow(/at least 32/)
  })

  it('refuses a secret file it cannot read, rather than sign with an empty key', () => {
    resolveSessionSecret(null, dir)
    rmSync(path.join(dir, 'session-secret'))
    mkdirSync(path.join(dir, 'session-secret')) // reads fail (EISDIR), even for root
    expect(() => resolveSessionSecret(null, dir)).toThrow(/cannot be read/)
  })

  it('creates the data folder 0700, the secret and the database 0600', async () => {
    resolveSessionSecret(null, dir)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600)
    const other = path.join(path.dirname(dir), 'db-first')
    const storage = await openStorage({ databaseUrl: null, dataDir: other })
    await storage.saveDraft(makeIssue(2024, 1))
    try {
      expect(statSync(other).mode & 0o777).toBe(0o700)
      for (const file of ['bulletin.db', 'bulletin.db-wal', 'bulletin.db-shm']) expect([file, statSync(path.join(other, file)).mode & 0o777]).toEqual([file, 0o600])
    } finally {
      await storage.close()
    }
  })
})

describe('TRUST_PROXY', () => {
  it('takes a hop count or the proxies\' addresses, never "trust every hop"', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16'])
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(ConfigError)
  })
})

describeOnEachBackend('limits', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp(backend, { config: { rateLimits: { authPerMinute: 5, searchPerMinute: 1000 }, trustProxy: 1 } })
  })
  afterAll(() => t.close())

  it('limits wrong admin tokens per address, before looking at the token', async () => {
    const wrong = { authorization: `Bearer ${ADMIN_TOKEN}-wrong`, 'x-forwarded-for': '198.51.100.7' }
    const codes = []
    for (let i = 0; i < 7; i++) codes.push((await t.inject({ url: '/api/admin/issues', headers: wrong })).statusCode)
    expect(codes).toEqual([403, 403, 403, 403, 403, 429, 429])
    // Even the right token waits out the minute from that address; another address is not affected.
    expect((await t.inject({ url: '/api/admin/issues', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-forwarded-for': '198.51.100.7' } })).statusCode).toBe(429)
    expect((await t.inject({ url: '/api/admin/issues', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-forwarded-for': '198.51.100.8' } })).statusCode).toBe(200)
  })

  it('counts device and WeChat sign-ins against one budget', async () => {
    const from = { 'x-forwarded-for': '198.51.100.20' }
    const codes = []
    for (let i = 0; i < 3; i++)
      codes.push((await t.inject({ method: 'POST', url: '/api/auth/device', headers: from, payload: { deviceId: `device-budget-00000${i}` } })).statusCode)
    for (let i = 0; i < 3; i++)
      codes.push((await t.inject({ method: 'POST', url: '/api/auth/wechat', headers: from, payload: { code: t.fake.issueLoginCode(`budget-${i}`) } })).statusCode)
    expect(codes).toEqual([200, 200, 200, 200, 200, 429])
  })

  it('takes the client address one hop from the right: a client-written X-Forwarded-For does not reset a limit', async () => {
    const codes = []
    // The client writes a fresh left-most address each time; the proxy appends the real one.
    for (let i = 0; i < 7; i++)
      codes.push(
        (await t.inject({ url: '/api/admin/issues', headers: { authorization: 'Bearer nope-nope-nope-nope', 'x-forwarded-for': `203.0.113.${i}, 198.51.100.30` } })).statusCode,
      )
    expect(codes.slice(-2)).toEqual([429, 429])
  })
})

describe('share cards with emoji', () => {
  const noWechat = {} as WechatApi
  it('leave emoji out (the font has none) instead of drawing boxes', () => {
    const cards = createCardService({ wechat: noWechat })
    const detail = articleDetails(sampleIssue())[0]
    const plain = cards.articleCard(detail)
    const withEmoji = cards.articleCard({ ...detail, article: { ...detail.article, title: `👍🏽${detail.article.title}🎉❤️🇨🇳` } })
    expect(withEmoji.etag).toBe(plain.etag)
  })
})
