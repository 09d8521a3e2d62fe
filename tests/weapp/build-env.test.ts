/** The mini-program build's environment check (config/weapp-env.ts), and the npm scripts around it. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { apiBaseProblem, weappBuildEnv } from '../../config/weapp-env'
import { ROOT } from '../client/support/server'

const APPID = 'wx0123456789abcdef'

describe('weapp build environment', () => {
  it('a production build takes an https API on a domain and the real appid', () => {
    expect(weappBuildEnv({ TARO_APP_API_BASE: 'https://bulletin.example.cn/', WECHAT_APPID: APPID }, 'production')).toEqual({
      apiBase: 'https://bulletin.example.cn',
      appid: APPID,
      simulatorOnly: false,
    })
  })

  it.each([
    [{ WECHAT_APPID: APPID }, /TARO_APP_API_BASE is not set/],
    [{ TARO_APP_API_BASE: 'http://127.0.0.1:8080', WECHAT_APPID: APPID }, /not https/],
    [{ TARO_APP_API_BASE: 'https://127.0.0.1:8443', WECHAT_APPID: APPID }, /no IP address or localhost/],
    [{ TARO_APP_API_BASE: 'https://localhost', WECHAT_APPID: APPID }, /no IP address or localhost/],
    [{ TARO_APP_API_BASE: 'https://bulletin.example.cn' }, /WECHAT_APPID/],
    [{ TARO_APP_API_BASE: 'https://bulletin.example.cn', WECHAT_APPID: 'touristappid' }, /placeholder "touristappid" is for `npm run dev:weapp` only/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => weappBuildEnv(env, 'production')).toThrow(message)
  })

  it('watch mode (dev:weapp) keeps the local server and the placeholder appid, marked simulator-only', () => {
    expect(weappBuildEnv({}, 'development')).toEqual({ apiBase: 'http://127.0.0.1:8080', appid: 'touristappid', simulatorOnly: true })
  })

  it('names what is wrong with a base URL', () => {
    expect(apiBaseProblem('https://union.example.cn:8443/bulletin')).toBeNull()
    expect(apiBaseProblem('not a url')).toMatch(/not a URL/)
    expect(apiBaseProblem('https://intranet')).toMatch(/not a registered domain/)
  })

  it('npm run build:weapp is the production build; tests build with an explicit test configuration', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.scripts['build:weapp']).toBe('taro build --type weapp')
    expect(pkg.scripts['dev:weapp']).toContain('--watch')
    expect(pkg.scripts['build:weapp:test']).toContain('TARO_APP_API_BASE=https://')
    expect(readFileSync(path.join(ROOT, 'tests/run-all.sh'), 'utf8')).toContain('npm run --silent build:weapp:test')
  })

  it('a bare `npm run build:weapp` stops before building, saying what to set', () => {
    const env = { ...process.env }
    delete env.TARO_APP_API_BASE
    delete env.WECHAT_APPID
    const run = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).not.toBe(0)
    expect(run.stdout + run.stderr).toContain('TARO_APP_API_BASE is not set')
  })
})
