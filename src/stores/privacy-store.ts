/**
 * The privacy-guide agreement (用户隐私保护指引). When an API that needs it (saving the poster to
 * the album) is called before the member agreed, WeChat holds the call and asks us; the popup on
 * the page shows while `asking`, and the member's answer releases the held call: agree lets it run,
 * disagree makes it fail with errno 104.
 */
import { createStore } from 'zustand/vanilla'
import type { PrivacyResolve } from '../services/platform'

/** The agree button's id: WeChat checks that the button with this id was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

export interface PrivacyState {
  asking: boolean
  agree(): void
  disagree(): void
}

export function createPrivacyStore(listen: (show: (resolve: PrivacyResolve) => void) => void) {
  let held: PrivacyResolve[] = []
  const store = createStore<PrivacyState>()((set) => {
    const answer = (reply: Parameters<PrivacyResolve>[0]) => {
      const waiting = held
      held = []
      set({ asking: false })
      for (const resolve of waiting) resolve(reply)
    }
    return {
      asking: false,
      agree: () => answer({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID }),
      disagree: () => answer({ event: 'disagree' }),
    }
  })
  listen((resolve) => {
    held.push(resolve)
    // Tells WeChat the popup is shown (counted for the platform's privacy review).
    resolve({ event: 'exposureAuthorization' })
    store.setState({ asking: true })
  })
  return store
}
