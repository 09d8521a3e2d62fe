/**
 * H5 build of ./ReaderSwiper.ts: the same Web Components Taro's `Swiper` and `SwiperItem` wrap, bound
 * here. Taken from '@tarojs/components', Swiper is one export of a module every page loads, so its
 * 43 KB (gzip) of swipe library came with every first view; bound here, only the issue page loads it.
 */
import type { Swiper, SwiperItem } from '@tarojs/components'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'
import { defineCustomElement as defineSwiper } from '@tarojs/components/dist/components/taro-swiper-core.js'
import { defineCustomElement as defineSwiperItem } from '@tarojs/components/dist/components/taro-swiper-item-core.js'

export const ReaderSwiper = createReactComponent('taro-swiper-core', undefined, manipulatePropsFunction, defineSwiper) as unknown as typeof Swiper
export const ReaderSwiperItem = createReactComponent('taro-swiper-item-core', undefined, manipulatePropsFunction, defineSwiperItem) as unknown as typeof SwiperItem
