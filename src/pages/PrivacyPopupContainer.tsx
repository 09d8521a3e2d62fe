import PrivacyPopup from '../components/PrivacyPopup'
import { isWeapp, openPrivacyContract } from '../services/platform'
import { appStores } from '../stores/app-stores'
import { useApp } from '../stores/hooks'
import { PRIVACY_AGREE_BUTTON_ID } from '../stores/privacy-store'

/** The privacy popup, shown while WeChat holds a call for the member's agreement (mini-program only). */
export default function PrivacyPopupContainer() {
  const asking = useApp('privacy', (s) => s.asking)
  if (!isWeapp || !asking) return null
  const { privacy } = appStores()
  return (
    <PrivacyPopup
      agreeButtonId={PRIVACY_AGREE_BUTTON_ID}
      onAgree={() => privacy.getState().agree()}
      onDisagree={() => privacy.getState().disagree()}
      onOpenGuide={openPrivacyContract}
    />
  )
}
