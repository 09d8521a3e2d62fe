/**
 * The issue reader's Swiper and SwiperItem: Taro's own. On H5 ./ReaderSwiper.h5.ts replaces this
 * file (Taro resolves `*.h5.ts` first for that build) so the swipe library loads with the issue page only.
 */
export { Swiper as ReaderSwiper, SwiperItem as ReaderSwiperItem } from '@tarojs/components'
