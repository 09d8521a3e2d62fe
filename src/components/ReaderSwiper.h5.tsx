/**
 * H5 build of ./ReaderSwiper.ts. Taro's Swiper (./ReaderSwiperCore.h5.ts) brings a swipe library of
 * about 47 KB brotli, a quarter of the issue page's script, which a member needs only for the second
 * swipe of a page, not to read the contents. So the issue's first screen shows without it: the
 * current page alone, in the same box (the tabs and the contents' links work, a page changes without
 * the slide), and the library loads at once behind it. Taro's Swiper then takes the page's place,
 * never under a finger, at the same scroll position.
 */
import type { Swiper, SwiperItem } from '@tarojs/components'
import { View } from '@tarojs/components'
import { Children, createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ComponentProps } from 'react'

type Core = typeof import('./ReaderSwiperCore.h5')

/** Resolves when no finger is on the screen: a page swapped under a finger would drop its scroll. */
function whenNoFinger(): Promise<void> {
  return new Promise((resolve) => {
    const check = (event?: TouchEvent) => {
      if (event && event.touches.length > 0) return
      document.removeEventListener('touchend', check, true)
      document.removeEventListener('touchcancel', check, true)
      resolve()
    }
    if (fingers === 0) return check()
    document.addEventListener('touchend', check, true)
    document.addEventListener('touchcancel', check, true)
  })
}
let fingers = 0
if (typeof document !== 'undefined') {
  const count = (event: TouchEvent) => void (fingers = event.touches.length)
  for (const type of ['touchstart', 'touchend', 'touchcancel'] as const) document.addEventListener(type, count, { capture: true, passive: true })
}

let loaded: Core | null = null
let loading: Promise<Core> | null = null
const loadCore = () => (loading ??= import(/* webpackChunkName: "reader-swiper" */ './ReaderSwiperCore.h5').then((core) => (loaded = core)))

/** Which swiper the items belong to (an item re-renders when the real one arrives). */
const CoreContext = createContext<Core | null>(null)

export function ReaderSwiper(props: ComponentProps<typeof Swiper>) {
  const [core, setCore] = useState<Core | null>(loaded)
  const box = useRef<HTMLElement | null>(null)
  const keptScroll = useRef<number | null>(null)

  useEffect(() => {
    if (core) return
    let live = true
    // After the page's first frame is painted: the library never holds up the contents showing.
    void new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)))
      .then(loadCore)
      .then(whenNoFinger)
      .then(() => {
        if (!live) return
        // The page's scroll before the swap: the swiper's copy of the page starts at the top.
        keptScroll.current = box.current?.querySelector('.reader-scroll')?.scrollTop ?? null
        setCore(loaded)
      })
      // Offline before the library came: the page stays as it is, tabs still change it.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [core])

  useLayoutEffect(() => {
    const top = keptScroll.current
    if (!core || !top) return
    keptScroll.current = null
    // The swiper lays its pages out once its library has set itself up: until the page can scroll
    // that far, the position would be cut short, so it is set again each frame (at most a second).
    let frames = 60
    const restore = () => {
      const scroller = document.getElementById(`reader-page-${props.current ?? 0}`)
      if (scroller) scroller.scrollTop = top
      if (!(scroller && Math.abs(scroller.scrollTop - top) < 1) && --frames > 0) requestAnimationFrame(restore)
    }
    restore()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [core])

  if (core) {
    return (
      <CoreContext.Provider value={core}>
        <core.ReaderSwiper {...props} />
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
