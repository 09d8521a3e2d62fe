import type { PropsWithChildren } from 'react'
import PageShell from '../components/PageShell'
import PreviewBanner from '../components/PreviewBanner'
import { systemFontScale } from '../services/platform'
import { previewToken } from '../services/preview'
import { useApp } from '../stores/hooks'
import { effectiveStep } from '../stores/settings-store'
import { useCare } from './care'
import MiniPlayerContainer from './MiniPlayerContainer'
import PrivacyPopupContainer from './PrivacyPopupContainer'

/** The page root with the member's text size (or WeChat's, until one is chosen), night mode and the privacy popup. */
export default function PageShellContainer({ children }: PropsWithChildren) {
  const textStep = useApp('settings', (s) => s.textStep)
  const night = useApp('settings', (s) => s.night)
  const care = useCare()
  return (
    <PageShell step={effectiveStep(textStep, systemFontScale())} night={night} care={care}>
      {previewToken() !== null && <PreviewBanner />}
      {children}
      <MiniPlayerContainer />
      <PrivacyPopupContainer />
    </PageShell>
  )
}
