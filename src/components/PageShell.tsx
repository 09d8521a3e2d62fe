import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useApp } from '../stores/hooks'
import { effectiveStep } from '../stores/settings-store'
import { systemFontSize } from '../services/platform'

/** Every page's root: applies the member's text size (or WeChat's) and night mode. */
export default function PageShell({ children }: PropsWithChildren) {
  const textStep = useApp('settings', (s) => s.textStep)
  const night = useApp('settings', (s) => s.night)
  const step = effectiveStep(textStep, systemFontSize())
  return <View className={`shell ts-${step}${night ? ' night' : ''}`}>{children}</View>
}
