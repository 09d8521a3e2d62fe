/**
 * The issue reader's Swiper and SwiperItem: Taro's own. On H5 ./ReaderSwiper.h5.tsx replaces this
 * file (Taro resolves `*.h5.tsx` first for that build, given this file is .tsx too) so the swipe library loads after the issue page shows.
 */
export { Swiper as ReaderSwiper, SwiperItem as ReaderSwiperItem } from '@tarojs/components'
