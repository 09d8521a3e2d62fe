// @types/react-dom is not installed (the Taro client never imports react-dom itself); the console
// uses only createRoot, typed here as React 18 declares it.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react'
  export interface Root {
    render(children: ReactNode): void
    unmount(): void
  }
  export function createRoot(container: Element | DocumentFragment): Root
}
