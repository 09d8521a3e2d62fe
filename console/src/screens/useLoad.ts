/** Loads something for a screen: its value, or the error in the server's words, and a way to load again. */
import { useCallback, useEffect, useState } from 'react'

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string }

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void, (value: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' })
  const [round, setRound] = useState(0)
  // The caller names what the load depends on (an id), as with useEffect.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)
  useEffect(() => {
    let live = true
    run().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: Error) => live && setLoaded({ state: 'failed', message: error.message }),
    )
    return () => {
      live = false
    }
  }, [run, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  const set = useCallback((value: T) => setLoaded({ state: 'ready', value }), [])
  return [loaded, reload, set]
}
