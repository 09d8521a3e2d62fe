/** React access to the app's stores. */
import { useStore } from 'zustand'
import type { StoreApi } from 'zustand/vanilla'
import { appStores, type AppStores } from './app-stores'

type Store<K extends keyof AppStores> = AppStores[K] extends StoreApi<infer S> ? S : never

export function useApp<K extends keyof AppStores, U>(name: K, selector: (state: Store<K>) => U): U {
  return useStore(appStores()[name] as unknown as StoreApi<Store<K>>, selector)
}
