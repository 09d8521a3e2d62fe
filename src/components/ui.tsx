/**
 * The building blocks every component and page draws with: Taro's own, as the mini-program has them.
 * On H5 ./ui.h5.tsx replaces this file (Taro resolves `*.h5.tsx` first for that build, given this
 * file is .tsx too) with View, Text and Button as plain HTML elements.
 */
import {
  Button as TaroButton,
  Image as TaroImage,
  Input as TaroInput,
  ScrollView as TaroScrollView,
  Switch as TaroSwitch,
  Text as TaroText,
  View as TaroView,
} from '@tarojs/components'

// Bound to constants, as ./ui.h5.tsx must (Taro's H5 build keeps only the components it sees
// imported and used, and does not count a re-export), so the two files read alike.
export const Button = TaroButton
export const Image = TaroImage
export const Input = TaroInput
export const ScrollView = TaroScrollView
export const Switch = TaroSwitch
export const Text = TaroText
export const View = TaroView
