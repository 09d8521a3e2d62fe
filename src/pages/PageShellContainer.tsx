import type { PropsWithChildren } from 'react'
import PageShell from '../components/PageShell'
import { systemFontSize } from '../services/platform'
import { useApp } from '../stores/hooks'
import { effectiveStep } from '../stores/settings-store'
import { useCare } from './care'
import MiniPlayerContainer from './MiniPlayerContainer'

/** The page root with the member's text size (or WeChat's, until one is chosen) and night mode. */
export default function PageShellContainer({ children }: PropsWithChildren) {
  const textStep = useApp('settings', (s) => s.textStep)
  const night = useApp('settings', (s) => s.night)
  const care = useCare()
  return (
    <PageShell step={effectiveStep(textStep, systemFontSize())} night={night} care={care}>
      {children}
      <MiniPlayerContainer />
    </PageShell>
  )
}
