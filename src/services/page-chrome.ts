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
