/**
 * Reading settings, per device: text size, night mode, 长辈版, and 听全文's speed and sleep timer
 * (the player reads and writes those here, so a choice holds on every page and after a restart). Until the member picks a size, it follows WeChat's
 * own font-size setting (or the browser's default in H5).
 */
import { createStore } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import { zustandStorage, type KeyValueStore } from '../services/storage'

/** Body text sizes in CSS px; the last ones are for older readers. */
export const TEXT_SIZES = [16, 18, 21, 24, 28] as const
export const TEXT_SIZE_NAMES = ['小', '标准', '大', '特大', '超大'] as const
export const DEFAULT_STEP = 1

export interface SettingsState {
  /** null: follow the system's font size. */
  textStep: number | null
  night: boolean
  /** 长辈版; null: on by itself when the system's text is large (./system-text.ts). */
  care: boolean | null
  /** 听全文's speed (1 = normal). */
  listenRate: number
  /** 听全文's sleep timer: minutes, the end of the article, or off. */
  listenSleep: ListenSleep
  setTextStep(step: number | null): void
  setNight(night: boolean): void
  setCare(care: boolean | null): void
  setListen(prefs: { rate?: number; sleep?: ListenSleep }): void
}

export type ListenSleep = 15 | 30 | 60 | 'article' | null

export function createSettingsStore(store: KeyValueStore) {
  return createStore<SettingsState>()(
    persist(
      (set) => ({
        textStep: null,
        night: false,
        care: null,
        listenRate: 1,
        listenSleep: null,
        setTextStep: (step) => set({ textStep: step === null ? null : clampStep(step) }),
        setNight: (night) => set({ night }),
        setCare: (care) => set({ care }),
        setListen: ({ rate, sleep }) => set((s) => ({ listenRate: rate ?? s.listenRate, listenSleep: sleep === undefined ? s.listenSleep : sleep })),
      }),
      {
        name: 'settings',
        storage: createJSONStorage(() => zustandStorage(store)),
        partialize: (s) => ({ textStep: s.textStep, night: s.night, care: s.care, listenRate: s.listenRate, listenSleep: s.listenSleep }),
      },
    ),
  )
}

export const clampStep = (step: number) => Math.max(0, Math.min(TEXT_SIZES.length - 1, Math.round(step)))

/**
 * The step from WeChat's text-size scale (getAppBaseInfo().fontSizeScaleFactor: 1 at the standard
 * size on iOS and Android alike, larger when the member enlarged text in WeChat). Unknown → the
 * standard step.
 */
export function stepFromFontScale(scale: number | undefined | null): number {
  if (!scale || !Number.isFinite(scale) || scale <= 0) return DEFAULT_STEP
  const scaled = TEXT_SIZES[DEFAULT_STEP] * scale
  let best = 0
  TEXT_SIZES.forEach((size, i) => {
    if (Math.abs(size - scaled) < Math.abs(TEXT_SIZES[best] - scaled)) best = i
  })
  return best
}

/** The step from an iOS font-size setting in px (17 is iOS's standard; Android's is 16). */
export function stepFromSystemFontSize(fontSizeSetting: number | undefined | null): number {
  return fontSizeSetting ? stepFromFontScale(fontSizeSetting / 17) : DEFAULT_STEP
}

/** The member's chosen step, else the one WeChat's text-size scale gives. */
export function effectiveStep(textStep: number | null, fontScale: number | undefined | null): number {
  return textStep ?? stepFromFontScale(fontScale)
}
