import type { PropsWithChildren } from 'react'
import PageShell from '../components/PageShell'
import { systemFontScale } from '../services/platform'
import { useApp } from '../stores/hooks'
import { effectiveStep } from '../stores/settings-store'
import PrivacyPopupContainer from './PrivacyPopupContainer'

/** The page root with the member's text size (or WeChat's, until one is chosen), night mode and the privacy popup. */
export default function PageShellContainer({ children }: PropsWithChildren) {
  const textStep = useApp('settings', (s) => s.textStep)
  const night = useApp('settings', (s) => s.night)
  return (
    <PageShell step={effectiveStep(textStep, systemFontScale())} night={night}>
      {children}
      <PrivacyPopupContainer />
    </PageShell>
  )
}
