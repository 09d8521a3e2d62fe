/** What WeChat reports of its text size (getAppBaseInfo, getDeviceInfo), read once; null in the browser. */
import Taro from '@tarojs/taro'
import { isWeapp } from './platform'

export interface SystemTextReport {
  fontSizeSetting: number | null
  fontSizeScaleFactor: number | null
  platform: string | null
}

let report: SystemTextReport | null | undefined

export function systemTextReport(): SystemTextReport | null {
  if (report !== undefined) return report
  if (!isWeapp) return (report = null)
  try {
    const t = Taro as unknown as { getAppBaseInfo?: () => Record<string, unknown> | undefined; getDeviceInfo?: () => Record<string, unknown> | undefined }
    const base = t.getAppBaseInfo?.() ?? {}
    const device = t.getDeviceInfo?.() ?? {}
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
    report = {
      fontSizeSetting: num(base.fontSizeSetting),
      fontSizeScaleFactor: num(base.fontSizeScaleFactor),
      platform: typeof device.platform === 'string' ? device.platform : null,
    }
  } catch {
    report = null
  }
  return report
}
