/**
 * What a page does to its own frame: title, scroll position, the pull-down spinner. Apart from
 * ./platform.ts, which app.tsx loads up front: Taro's H5 code for these (pageScrollTo's easing and
 * all) then stays in the chunks of the pages that use them.
 */
import Taro from '@tarojs/taro'

/** The page's title in the navigation bar (WeChat; H5 shows none). */
export function setPageTitle(title: string): void {
  void Taro.setNavigationBarTitle({ title }).catch(() => undefined)
}

export function scrollPageTo(top: number): void {
  void Taro.pageScrollTo({ scrollTop: top, duration: 0 }).catch(() => undefined)
}

export function stopPullDownRefresh(): void {
  Taro.stopPullDownRefresh()
}

/**
 * How far the scroll view `#viewId` must scroll for `#targetId` inside it to sit near its top; null
 * when either is not there. The page then sets the view's scrollTop: unlike scrollIntoView, that
 * moves only this view, not the page or the swiper around it (which slid the page out of sight).
 */
export function offsetInScrollView(viewId: string, targetId: string): Promise<number | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${viewId}`)
        .boundingClientRect()
        .select(`#${viewId}`)
        .scrollOffset()
        .select(`#${targetId}`)
        .boundingClientRect()
        .exec((res: Array<{ top?: number; scrollTop?: number } | null>) => {
          const [view, offset, target] = res ?? []
          if (!view || !offset || !target || view.top === undefined || target.top === undefined) return resolve(null)
          resolve(Math.max(0, (offset.scrollTop ?? 0) + target.top - view.top - 16))
        })
    } catch {
      resolve(null)
    }
  })
}
