import { View } from './ui'
import type { PropsWithChildren } from 'react'

/** Every page's root: the text size step (0–4) and night mode, as the classes app.css keys on. */
export default function PageShell({ step, night, care = false, children }: PropsWithChildren<{ step: number; night: boolean; care?: boolean }>) {
  return <View className={`shell ts-${step}${night ? ' night' : ''}${care ? ' care' : ''}`}>{children}</View>
}
