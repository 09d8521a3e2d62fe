/**
 * Taro's Swiper and SwiperItem for the H5 issue reader: the same Web Components `@tarojs/components`
 * wraps, bound here. Taken from '@tarojs/components', Swiper is one export of a module every page
 * loads, so its swipe library (about 47 KB brotli) came with every first view; bound here, it loads
 * only when ./ReaderSwiper.h5.tsx asks for it, after the first page shows.
 */
import type { Swiper, SwiperItem } from '@tarojs/components'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'
import { defineCustomElement as defineSwiper } from '@tarojs/components/dist/components/taro-swiper-core.js'
import { defineCustomElement as defineSwiperItem } from '@tarojs/components/dist/components/taro-swiper-item-core.js'

export const ReaderSwiper = createReactComponent('taro-swiper-core', undefined, manipulatePropsFunction, defineSwiper) as unknown as typeof Swiper
export const ReaderSwiperItem = createReactComponent('taro-swiper-item-core', undefined, manipulatePropsFunction, defineSwiperItem) as unknown as typeof SwiperItem
