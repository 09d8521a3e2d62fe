import type { ReadingPlan } from '../../../src/core/speech/reading-plan'
import type { SpeakEvents, SpeakOptions, SpeechEngine } from '../../../src/services/speech/engine'
import { createMemoryStore } from '../../../src/services/storage'
import { createPlayerStore, type Clock } from '../../../src/stores/player-store'
import { createSettingsStore } from '../../../src/stores/settings-store'

/** An engine that says what it was asked to and lets the test finish each piece. */
function fakeEngine() {
  let current: { pieces: string[]; options: SpeakOptions; events: SpeakEvents; index: number } | null = null
  const calls: string[] = []
  const heard: string[] = []
  const engine: SpeechEngine = {
    check: async () => ({ ok: true }),
    speak(pieces, options, events) {
      calls.push(`speak@${options.rate}:${pieces[0]}`)
      current = { pieces, options, events, index: 0 }
      heard.push(pieces[0])
      events.onStart(0)
    },
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    stop() {
      calls.push('stop')
      current = null
    },
  }
  /** The piece being spoken ends; the next one starts. */
  const finish = () => {
    if (!current) throw new Error('nothing is being spoken')
    const c = current
    c.index++
    if (c.index >= c.pieces.length) return c.events.onDone()
    heard.push(c.pieces[c.index])
    c.events.onStart(c.index)
  }
  return { engine, calls, heard, finish, speaking: () => current !== null }
}

function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 0
  let timers: Array<{ at: number; fn: () => void; id: number }> = []
  let id = 0
  return {
    now: () => now,
    setTimeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: ++id }), id),
    clearTimeout: (h) => void (timers = timers.filter((t) => t.id !== h)),
    advance(ms) {
      now += ms
      const due = timers.filter((t) => t.at <= now)
      timers = timers.filter((t) => t.at > now)
      due.forEach((t) => t.fn())
    },
  }
}

const u = (text: string) => ({ text, paragraph: null, start: 0, end: 0 })
const plan: ReadingPlan = {
  title: '工会信息〔2020〕第二十期',
  origin: { kind: 'issue', id: 1 },
  items: [
    { kind: 'article', id: 1, section: '要情动态', title: '甲', utterances: [u('栏目：要情动态。'), u('甲。'), u('甲一。')] },
    { kind: 'article', id: 2, section: '要情动态', title: '乙', utterances: [u('乙。'), u('乙一。')] },
    { kind: 'brief', id: 3, section: '信息短波', title: '丙', utterances: [u('栏目：信息短波。'), u('丙。')] },
  ],
}

describe('the 听全文 player', () => {
  it('reads an issue in order, item after item, and ends', () => {
    const f = fakeEngine()
    const player = createPlayerStore(f.engine, fakeClock())
    player.getState().start(plan)
    for (let i = 0; i < 6; i++) f.finish()
    expect(f.heard).toEqual(['栏目：要情动态。', '甲。', '甲一。', '乙。', '乙一。', '栏目：信息短波。', '丙。'])
    f.finish()
    expect(player.getState().status).toBe('ended')
  })

  it('shows where it is, steps to the next and previous item, pauses and resumes', () => {
    const f = fakeEngine()
    const player = createPlayerStore(f.engine, fakeClock())
    player.getState().start(plan)
    f.finish()
    expect(player.getState().position).toEqual({ item: 0, utterance: 1 })
    player.getState().next()
    expect(player.getState().position).toEqual({ item: 1, utterance: 0 })
    expect(f.heard.at(-1)).toBe('乙。')
    player.getState().previous()
    expect(f.heard.at(-1)).toBe('栏目：要情动态。')
    player.getState().toggle()
    expect(player.getState().status).toBe('paused')
    player.getState().toggle()
    expect(player.getState().status).toBe('playing')
    expect(f.calls.slice(-2)).toEqual(['pause', 'resume'])
  })

  it('changes speed within 0.75× to 1.5×, carrying on from the sentence being read', () => {
    const f = fakeEngine()
    const player = createPlayerStore(f.engine, fakeClock())
    player.getState().start(plan)
    f.finish()
    player.getState().setRate(1.5)
    expect(f.calls.at(-1)).toBe('speak@1.5:甲。')
    player.getState().setRate(3)
    expect(player.getState().rate).toBe(1.5)
    player.getState().setRate(0.5)
    expect(player.getState().rate).toBe(0.75)
  })

  it('the sleep timer stops reading after the chosen minutes, on the injected clock', () => {
    const f = fakeEngine()
    const clock = fakeClock()
    const player = createPlayerStore(f.engine, clock)
    player.getState().start(plan)
    player.getState().setSleep(15)
    expect(player.getState().sleep).toMatchObject({ kind: 'minutes', endsAt: 15 * 60_000 })
    clock.advance(15 * 60_000 - 1)
    expect(player.getState().status).toBe('playing')
    clock.advance(1)
    expect(player.getState().status).toBe('paused')
    expect(f.speaking()).toBe(false)
    // Resuming carries on where it stopped.
    player.getState().resume()
    expect(f.heard.at(-1)).toBe('栏目：要情动态。')
  })

  it('a sleep timer cancelled or replaced does not fire', () => {
    const f = fakeEngine()
    const clock = fakeClock()
    const player = createPlayerStore(f.engine, clock)
    player.getState().start(plan)
    player.getState().setSleep(15)
    player.getState().setSleep(60)
    clock.advance(30 * 60_000)
    expect(player.getState().status).toBe('playing')
    player.getState().setSleep(null)
    clock.advance(60 * 60_000)
    expect(player.getState().status).toBe('playing')
  })

  it('sleep at the end of the article stops before the next one, ready to go on from it', () => {
    const f = fakeEngine()
    const player = createPlayerStore(f.engine, fakeClock())
    player.getState().start(plan)
    player.getState().setSleep('article')
    f.finish()
    f.finish()
    f.finish()
    expect(player.getState().status).toBe('paused')
    expect(player.getState().position).toEqual({ item: 1, utterance: 0 })
    player.getState().resume()
    expect(f.heard.at(-1)).toBe('乙。')
  })

  it('an engine error is kept for the screen, not swallowed', () => {
    const engine: SpeechEngine = {
      check: async () => ({ ok: true }),
      speak: (_p, _o, e) => e.onError('语音合成出错（-20003），已停止朗读。请稍后再试。'),
      pause() {},
      resume() {},
      stop() {},
    }
    const player = createPlayerStore(engine, fakeClock())
    player.getState().start(plan)
    expect(player.getState()).toMatchObject({ status: 'error', error: '语音合成出错（-20003），已停止朗读。请稍后再试。' })
  })

  it('keeps the speed and the sleep timer per device, through the settings store, after a restart', () => {
    const store = createMemoryStore()
    const playerOn = (settings: ReturnType<typeof createSettingsStore>, f: ReturnType<typeof fakeEngine>, clock: Clock) =>
      createPlayerStore(f.engine, clock, {
        load: () => ({ rate: settings.getState().listenRate, sleep: settings.getState().listenSleep }),
        save: (prefs) => settings.getState().setListen(prefs),
      })
    const first = playerOn(createSettingsStore(store), fakeEngine(), fakeClock())
    first.getState().start(plan)
    first.getState().setRate(1.25)
    first.getState().setSleep(30)

    // The app starts again on the same device: the new player reads at 1.25× and sleeps after 30 minutes.
    const f = fakeEngine()
    const clock = fakeClock()
    const again = playerOn(createSettingsStore(store), f, clock)
    expect(again.getState().rate).toBe(1.25)
    again.getState().start(plan)
    expect(f.calls).toContain('speak@1.25:栏目：要情动态。')
    expect(again.getState().sleep).toMatchObject({ kind: 'minutes', minutes: 30 })
    clock.advance(30 * 60_000)
    expect(again.getState().status).toBe('paused')

    // Turned off, it stays off.
    again.getState().setSleep(null)
    const third = playerOn(createSettingsStore(store), fakeEngine(), fakeClock())
    third.getState().start(plan)
    expect(third.getState().sleep).toBeNull()
  })
})
