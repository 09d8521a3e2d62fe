import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, loadConfig } from '../../../src/server/config'
import { resolveSessionSecret } from '../../../src/server/session-secret'

describe('configuration from the environment', () => {
  it('has safe defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      databaseUrl: null,
      adminToken: null,
      sessionSecret: null,
      wechat: { apiBase: 'https://api.weixin.qq.com', appid: null, secret: null },
      newIssueTemplateId: null,
      logLevel: 'info',
      rateLimits: { searchPerMinute: 120, authPerMinute: 20 },
      publishedRecheckMs: 1000,
      trustProxy: false,
      console: { sessionHours: 12, requireSecondApprover: false, signInFailures: 5 },
    })
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/ub',
      DATABASE_URL: 'postgres://u@db/ub',
      ADMIN_TOKEN: 'a-long-enough-token',
      SESSION_SECRET: 'x'.repeat(32),
      WECHAT_API_BASE: 'http://127.0.0.1:9999',
      WECHAT_APPID: 'wx123',
      WECHAT_SECRET: 's',
      WECHAT_TEMPLATE_NEW_ISSUE: 'tmpl',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_SEARCH_PER_MINUTE: '600',
      RATE_LIMIT_AUTH_PER_MINUTE: '30',
      PUBLISHED_RECHECK_MS: '0',
    })
    expect(config).toMatchObject({ port: 9000, databaseUrl: 'postgres://u@db/ub', wechat: { appid: 'wx123' }, newIssueTemplateId: 'tmpl', publishedRecheckMs: 0 })
  })

  it("reads the editors' console's variables", () => {
    expect(loadConfig({ CONSOLE_SESSION_HOURS: '8', CONSOLE_SIGNIN_FAILURES: '3', REQUIRE_SECOND_APPROVER: 'true' }).console).toEqual({
      sessionHours: 8,
      signInFailures: 3,
      requireSecondApprover: true,
    })
    expect(loadConfig({ REQUIRE_SECOND_APPROVER: 'false' }).console.requireSecondApprover).toBe(false)
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ WECHAT_API_BASE: 'not a url' }, 'WECHAT_API_BASE'],
    [{ WECHAT_APPID: 'wx1' }, 'WECHAT_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ RATE_LIMIT_SEARCH_PER_MINUTE: '0' }, 'RATE_LIMIT_SEARCH_PER_MINUTE'],
    [{ CONSOLE_SESSION_HOURS: '0' }, 'CONSOLE_SESSION_HOURS'],
    [{ CONSOLE_SIGNIN_FAILURES: 'many' }, 'CONSOLE_SIGNIN_FAILURES'],
    [{ REQUIRE_SECOND_APPROVER: 'yes' }, 'REQUIRE_SECOND_APPROVER'],
  ])('stops on a bad value, naming the variable: %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(name)
  })
})

describe('session secret', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ub-secret-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('uses SESSION_SECRET when set, and otherwise generates one once and keeps it in DATA_DIR', () => {
    expect(resolveSessionSecret('y'.repeat(40), dir)).toEqual({ secret: 'y'.repeat(40), source: 'env' })
    const first = resolveSessionSecret(null, dir)
    expect(first.source).toBe('generated')
    expect(first.secret.length).toBeGreaterThanOrEqual(32)
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first.secret)
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600)
    expect(resolveSessionSecret(null, dir)).toEqual({ secret: first.secret, source: 'file', file: first.file })
  })
})
