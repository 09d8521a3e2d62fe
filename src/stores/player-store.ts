/**
 * The 听全文 player: one reading plan (an article or a whole issue), where it is in it, speed and
 * the sleep timer. It drives the speech engine behind src/services/speech and keeps playing while
 * the member moves between pages; the clock is injected so the sleep timer can be tested.
 */
import { createStore } from 'zustand/vanilla'
import type { ReadingPlan } from '../core/speech/reading-plan'
import type { SpeechEngine } from '../services/speech/engine'

export const RATES = [0.75, 1, 1.25, 1.5] as const
export const SLEEP_MINUTES = [15, 30, 60] as const

export type SleepChoice = (typeof SLEEP_MINUTES)[number] | 'article' | null

/** Where the member's speed and sleep-timer choices are kept (the settings store, per device). */
export interface ListenPrefs {
  load(): { rate: number; sleep: SleepChoice }
  save(prefs: { rate?: number; sleep?: SleepChoice }): void
}

const unkept: ListenPrefs = { load: () => ({ rate: 1, sleep: null }), save: () => undefined }
export type PlayerStatus = 'idle' | 'playing' | 'paused' | 'ended' | 'error'

export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export interface Position {
  item: number
  utterance: number
}

export interface PlayerState {
  plan: ReadingPlan | null
  position: Position
  status: PlayerStatus
  error: string | null
  rate: number
  sleep: { kind: 'minutes'; minutes: number; endsAt: number } | { kind: 'article'; item: number } | null
  start(plan: ReadingPlan, at?: Position): void
  pause(): void
  resume(): void
  toggle(): void
  next(): void
  previous(): void
  setRate(rate: number): void
  setSleep(choice: SleepChoice): void
  stop(): void
}

const clampRate = (rate: number) => (Number.isFinite(rate) ? Math.max(RATES[0], Math.min(RATES[RATES.length - 1], rate)) : 1)

/** Every utterance from a position on, with where each one is in the plan. */
function rest(plan: ReadingPlan, from: Position): { pieces: string[]; at: Position[] } {
  const pieces: string[] = []
  const at: Position[] = []
  plan.items.forEach((item, i) => {
    if (i < from.item) return
    item.utterances.forEach((u, j) => {
      if (i === from.item && j < from.utterance) return
      pieces.push(u.text)
      at.push({ item: i, utterance: j })
    })
  })
  return { pieces, at }
}

export function createPlayerStore(engine: SpeechEngine, clock: Clock = systemClock, prefs: ListenPrefs = unkept) {
  /** Whether the engine holds a paused session that resume() can carry on. */
  let live = false
  let timer: unknown = null

  return createStore<PlayerState>()((set, get) => {
    const clearTimer = () => {
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
    }
    const halt = (status: PlayerStatus, patch: Partial<PlayerState> = {}) => {
      engine.stop()
      live = false
      set({ status, ...patch })
    }
    const speakFrom = (position: Position) => {
      const { plan, rate } = get()
      if (!plan) return
      const { pieces, at } = rest(plan, position)
      set({ position, status: 'playing', error: null })
      if (!pieces.length) return halt('ended')
      live = true
      engine.speak(
        pieces,
        { rate, title: plan.title },
        {
          onStart(index) {
            const now = at[index]
            const sleep = get().sleep
            if (sleep?.kind === 'article' && now.item > sleep.item) {
              // Sleep at the end of the article: stop before the next one starts, ready to go on from it.
              return halt('paused', { position: { item: now.item, utterance: 0 }, sleep: null })
            }
            set({ position: now })
          },
          onDone: () => {
            live = false
            clearTimer()
            set({ status: 'ended', sleep: null })
          },
          onError: (message) => {
            live = false
            set({ status: 'error', error: message })
          },
        },
      )
    }
    /** Arms the sleep timer (or clears it) without touching the kept choice. */
    const arm = (choice: SleepChoice) => {
      clearTimer()
      if (choice === null) return set({ sleep: null })
      if (choice === 'article') return set({ sleep: { kind: 'article', item: get().position.item } })
      const ms = choice * 60_000
      set({ sleep: { kind: 'minutes', minutes: choice, endsAt: clock.now() + ms } })
      timer = clock.setTimeout(() => {
        timer = null
        if (get().status === 'playing') halt('paused', { sleep: null })
        else set({ sleep: null })
      }, ms)
    }
    const moveTo = (position: Position) => {
      if (get().status === 'playing') speakFrom(position)
      else {
        engine.stop()
        live = false
        set({ position, status: get().status === 'ended' || get().status === 'error' ? 'paused' : get().status })
      }
    }

    return {
      plan: null,
      position: { item: 0, utterance: 0 },
      status: 'idle',
      error: null,
      rate: clampRate(prefs.load().rate),
      sleep: null,
      start(plan, at = { item: 0, utterance: 0 }) {
        engine.stop()
        // The kept speed, and the kept sleep timer armed again unless one is already counting down.
        const kept = prefs.load()
        const running = get().sleep?.kind === 'minutes'
        set({ plan, rate: clampRate(kept.rate), sleep: running ? get().sleep : null, position: at })
        if (!running && kept.sleep !== null) arm(kept.sleep)
        speakFrom(at)
      },
      pause() {
        if (get().status !== 'playing') return
        engine.pause()
        set({ status: 'paused' })
      },
      resume() {
        const { status, plan, position } = get()
        if (!plan || status === 'playing') return
        if (status === 'paused' && live) {
          engine.resume()
          set({ status: 'playing' })
        } else speakFrom(status === 'ended' ? { item: 0, utterance: 0 } : position)
      },
      toggle() {
        if (get().status === 'playing') get().pause()
        else get().resume()
      },
      next() {
        const { plan, position } = get()
        if (!plan || position.item >= plan.items.length - 1) return
        moveTo({ item: position.item + 1, utterance: 0 })
      },
      previous() {
        const { plan, position } = get()
        if (!plan) return
        moveTo({ item: Math.max(0, position.item - 1), utterance: 0 })
      },
      setRate(rate) {
        const r = clampRate(rate)
        set({ rate: r })
        prefs.save({ rate: r })
        // The engines take the rate per piece: carry on from the sentence being read at the new speed.
        if (get().status === 'playing') speakFrom(get().position)
      },
      setSleep(choice) {
        prefs.save({ sleep: choice })
        arm(choice)
      },
      stop() {
        clearTimer()
        engine.stop()
        live = false
        set({ plan: null, status: 'idle', error: null, sleep: null, position: { item: 0, utterance: 0 } })
      },
    }
  })
}
