import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { appStores } from './stores/app-stores'
import { installBootLinks, installWebKeyboard, isSinglePageMode, registerOfflineWorker } from './services/platform'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    registerOfflineWorker()
    installWebKeyboard()
    installBootLinks()
    // Single-page mode (opened from Moments) allows no login; everything else signs in quietly
    // and brings favourites from other devices.
    if (isSinglePageMode()) return
    // Not urgent: let the page's own content use the (maybe slow) network first.
    setTimeout(() => void appStores().favourites.getState().sync(), 3000)
  })
  return children
}

export default App
