import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { appStores } from './stores/app-stores'
import { isSinglePageMode } from './services/platform'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
      // Keeps the app's files for opening it again without network (src/services/offline-worker.js).
      navigator.serviceWorker.register('/sw.js').catch(() => undefined)
    }
    // Single-page mode (opened from Moments) allows no login; everything else signs in quietly
    // and brings favourites from other devices.
    if (isSinglePageMode()) return
    const { favourites } = appStores()
    void favourites.getState().sync()
  })
  return children
}

export default App
