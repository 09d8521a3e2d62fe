/**
 * What a mini-program build needs from the environment, checked once before Taro starts: WeChat
 * only lets a published mini-program talk to https on a domain registered in its admin console (no
 * IP address, no localhost), and login, subscribe messages and mini-program codes need the real
 * appid. A production build (`npm run build:weapp`) refuses anything else with a message naming the
 * variable; `npm run dev:weapp` (Taro's watch mode) is for WeChat DevTools' simulator only and keeps
 * the local defaults.
 */

export interface WeappBuildEnv {
  apiBase: string
  appid: string
  simulatorOnly: boolean
}

export class WeappEnvError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WeappEnvError'
  }
}

const DEV_API_BASE = 'http://127.0.0.1:8080'
const DEV_APPID = 'touristappid'

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/** Why WeChat would refuse this base URL on a phone, or null when it would accept it. */
export function apiBaseProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `"${value}" is not a URL`
  }
  if (url.protocol !== 'https:') return `"${value}" is not https (WeChat allows only https requests)`
  const host = url.hostname
  if (host === 'localhost' || host.endsWith('.localhost') || IPV4.test(host) || host.startsWith('[')) {
    return `"${value}" names ${host}, not a registered domain (WeChat allows no IP address or localhost)`
  }
  if (!host.includes('.')) return `"${value}" names ${host}, not a registered domain`
  if (url.search || url.hash || url.username) return `"${value}" carries a query, fragment or user: give only https://domain[:port][/path]`
  return null
}

export function weappBuildEnv(env: Record<string, string | undefined>, mode: string | undefined): WeappBuildEnv {
  const simulatorOnly = mode === 'development'
  if (simulatorOnly) {
    const apiBase = (env.TARO_APP_API_BASE || DEV_API_BASE).replace(/\/+$/, '')
    return { apiBase, appid: env.WECHAT_APPID || DEV_APPID, simulatorOnly }
  }
  const apiBase = (env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')
  if (!apiBase) {
    throw new WeappEnvError(
      'TARO_APP_API_BASE is not set. A mini-program build needs the https address of the backend on a domain registered as ' +
        'request and downloadFile 合法域名, e.g. TARO_APP_API_BASE=https://bulletin.example.cn npm run build:weapp ' +
        "(for WeChat DevTools' simulator against a local server use `npm run dev:weapp`).",
    )
  }
  const problem = apiBaseProblem(apiBase)
  if (problem) throw new WeappEnvError(`TARO_APP_API_BASE: ${problem}. See docs/deploy-weapp.md.`)
  const appid = env.WECHAT_APPID ?? ''
  if (!/^wx[0-9a-f]{16}$/.test(appid)) {
    throw new WeappEnvError(
      `WECHAT_APPID must be the mini-program's AppID (wx followed by 16 hex digits; 开发管理 → 开发设置), got "${appid}". ` +
        `The placeholder "${DEV_APPID}" is for \`npm run dev:weapp\` only: sign-in, subscribe messages and poster codes need the real one.`,
    )
  }
  return { apiBase, appid, simulatorOnly }
}
