/**
 * How large the system's text is, from what WeChat reports. The one place that knows Android's
 * standard size is 16 px and iOS's 17 px (getSystemInfo's fontSizeSetting), and that
 * getAppBaseInfo().fontSizeScaleFactor is already relative to the standard.
 */
export interface SystemTextInfo {
  /** px; 17 standard on iOS, 16 on Android. */
  fontSizeSetting?: number | null
  /** 1 = the system's standard size. */
  fontSizeScaleFactor?: number | null
  /** 'ios' | 'android' | 'devtools' | … */
  platform?: string | null
}

/** The system's text size relative to its standard (1); null when unknown. */
export function systemTextScale(info: SystemTextInfo | null | undefined): number | null {
  if (!info) return null
  const factor = info.fontSizeScaleFactor
  if (typeof factor === 'number' && Number.isFinite(factor) && factor > 0) return factor
  const px = info.fontSizeSetting
  if (typeof px !== 'number' || !Number.isFinite(px) || px <= 0) return null
  const standard = /android/i.test(info.platform ?? '') ? 16 : 17
  return px / standard
}

/** 长辈版 turns itself on for a large system font (WeChat's care mode enlarges it too). */
export const CARE_SCALE = 1.3

export function careFromSystem(info: SystemTextInfo | null | undefined): boolean {
  const scale = systemTextScale(info)
  return scale !== null && scale >= CARE_SCALE
}
