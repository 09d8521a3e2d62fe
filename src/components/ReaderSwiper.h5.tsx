/**
 * H5 build of ./ReaderSwiper.tsx. Taro's Swiper (./ReaderSwiperCore.h5.ts) brings a swipe library of
 * about 47 KB brotli, a quarter of the issue page's script, which a member needs only to swipe, not
 * to read the contents. So the issue's first screen shows without it: the current page alone, in the
 * same box (the tabs and the contents' links work, a page changes without the slide), and the
 * library loads behind it. Taro's Swiper then takes the page's place (the page is drawn again inside
 * it) once the screen is still: no finger on it, the page not scrolling, the tap that just ended
 * delivered; and the page is put back at the same scroll position.
 */
import type { Swiper, SwiperItem } from '@tarojs/components'
import { View } from './ui'
import { Children, createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ComponentProps } from 'react'

type Core = typeof import('./ReaderSwiperCore.h5')

let loaded: Core | null = null
let loading: Promise<Core> | null = null
function loadCore(): Promise<Core> {
  loading ??= import(/* webpackChunkName: "reader-swiper" */ './ReaderSwiperCore.h5').then(
    (core) => (loaded = core),
    (error: unknown) => {
      // Offline, say: the next issue page opened asks again.
      loading = null
      throw error
    },
  )
  return loading
}

/** Fingers on the screen now (a page swapped under a finger would drop its scroll or its tap). */
let fingers = 0
if (typeof document !== 'undefined') {
  const count = (event: TouchEvent) => void (fingers = event.touches.length)
  for (const type of ['touchstart', 'touchend', 'touchcancel'] as const) document.addEventListener(type, count, { capture: true, passive: true })
}

/**
 * Resolves with the page's scroll once the screen has been still for two frames (no finger, the
 * scroll not moving), in a task of its own: after the click of a tap that just ended.
 */
function whenStill(scroller: () => Element | null | undefined): Promise<number> {
  return new Promise((resolve) => {
    let last = -1
    let still = 0
    const look = () => {
      const top = scroller()?.scrollTop ?? 0
      still = fingers === 0 && top === last ? still + 1 : 0
      last = top
      if (still >= 2) setTimeout(() => resolve(scroller()?.scrollTop ?? top), 0)
      else requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  })
}

/** The swiper the items belong to: null while the page is shown alone. */
const CoreContext = createContext<Core | null>(null)

export function ReaderSwiper(props: ComponentProps<typeof Swiper>) {
  const [core, setCore] = useState<Core | null>(loaded)
  const box = useRef<HTMLElement | null>(null)
  const swiper = useRef<HTMLElement | null>(null)
  const current = useRef(props.current ?? 0)
  current.current = props.current ?? 0
  const kept = useRef<{ page: number; top: number } | null>(null)

  useEffect(() => {
    if (core) return
    let live = true
    // After the page's first frame is painted: the library never holds up the contents showing.
    void new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)))
      .then(loadCore)
      .then(() => whenStill(() => box.current?.querySelector('.reader-scroll')))
      .then((top) => {
        if (!live) return
        kept.current = { page: current.current, top }
        setCore(loaded)
      })
      // Not loaded: the page stays as it is, its tabs still change it.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [core])

  useLayoutEffect(() => {
    const keep = kept.current
    kept.current = null
    if (!core || !keep || keep.top === 0 || keep.page !== current.current) return
    // The swiper lays its pages out once its library has set itself up: until the page can scroll
    // that far the position would be cut short, so it is set again each frame (at most a second),
    // unless the member touches the screen meanwhile.
    let frames = 60
    let frame = 0
    const restore = () => {
      const scroller = swiper.current?.querySelector(`#reader-page-${keep.page}`)
      if (scroller) scroller.scrollTop = keep.top
      if (fingers === 0 && !(scroller && Math.abs(scroller.scrollTop - keep.top) < 1) && --frames > 0) frame = requestAnimationFrame(restore)
    }
    restore()
    return () => cancelAnimationFrame(frame)
  }, [core])

  if (core) {
    const CoreSwiper = core.ReaderSwiper as unknown as (p: ComponentProps<typeof Swiper> & { ref: (element: HTMLElement | null) => void }) => JSX.Element
    return (
      <CoreContext.Provider value={core}>
        <CoreSwiper {...props} ref={(element: HTMLElement | null) => void (swiper.current = element)} />
      </CoreContext.Provider>
    )
  }
  const pages = Children.toArray(props.children)
  return (
    <View className={props.className} ref={(element: HTMLElement | null) => void (box.current = element)}>
      {pages[Math.min(props.current ?? 0, pages.length - 1)]}
    </View>
  )
}

export function ReaderSwiperItem(props: ComponentProps<typeof SwiperItem>) {
  const core = useContext(CoreContext)
  if (core) return <core.ReaderSwiperItem {...props} />
  return <View>{props.children}</View>
}
