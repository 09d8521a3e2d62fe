/** The platform's speech engine: WechatSI in the mini-program, speechSynthesis in the browser. */
import { isWeapp } from '../platform'
import type { SpeechEngine } from './engine'
import { createWebSpeechEngine } from './web-speech'
import { createWechatEngine, type BackgroundAudio, type WechatSIPlugin } from './wechat-si'

export type { SpeechEngine, SpeechAvailability } from './engine'

declare const requirePlugin: ((name: string) => unknown) | undefined
declare const wx: { getBackgroundAudioManager?: () => BackgroundAudio } | undefined

function wechatPlugin(): WechatSIPlugin | null {
  try {
    const si = typeof requirePlugin === 'function' ? (requirePlugin('WechatSI') as WechatSIPlugin | undefined) : undefined
    return si && typeof si.textToSpeech === 'function' ? si : null
  } catch {
    return null
  }
}

function backgroundAudio(): BackgroundAudio | null {
  try {
    return typeof wx !== 'undefined' && typeof wx.getBackgroundAudioManager === 'function' ? wx.getBackgroundAudioManager() : null
  } catch {
    return null
  }
}

export function createSpeechEngine(): SpeechEngine {
  return isWeapp ? createWechatEngine(wechatPlugin, backgroundAudio) : createWebSpeechEngine()
}
