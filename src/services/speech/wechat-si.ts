/**
 * WeChat: the 同声传译 plugin (WechatSI) turns each piece into an mp3 (textToSpeech); the background
 * audio manager plays them, so reading goes on with the screen off (app.config: requiredBackgroundModes
 * audio). The next pieces are synthesised while one plays, so there is no gap between them.
 */
import type { SpeechAvailability, SpeechEngine } from './engine'

/** The plugin's documented textToSpeech contract. */
export interface WechatSIPlugin {
  textToSpeech(options: {
    lang: 'zh_CN' | 'en_US'
    tts: boolean
    content: string
    success?: (res: { retcode: number; origin: string; filename: string; expired_time: number }) => void
    fail?: (res: { retcode: number; msg?: string }) => void
  }): void
}

/** What the player needs of wx.getBackgroundAudioManager(). */
export interface BackgroundAudio {
  title: string
  epname?: string
  singer?: string
  src: string
  playbackRate?: number
  play(): void
  pause(): void
  stop(): void
  onPlay(cb: () => void): void
  onEnded(cb: () => void): void
  onError(cb: (res: { errCode?: number; errMsg?: string }) => void): void
  onStop?(cb: () => void): void
}

/** The plugin's documented errors, in plain words. */
export function speechErrorMessage(retcode: number | undefined): string {
  switch (retcode) {
    case -20001:
    case -20002:
    case -20004:
      return '这段文字无法朗读，已停止。'
    case -20003:
      return '语音合成出错（-20003），已停止朗读。请稍后再试。'
    case -20005:
      return '网络不通，无法朗读。请检查网络后再试。'
    case -40001:
      return '朗读太频繁，请稍等一会儿再试。'
    default:
      return '无法朗读，请检查网络后再试。'
  }
}

const AHEAD = 2

export function createWechatEngine(plugin: () => WechatSIPlugin | null, audio: () => BackgroundAudio | null): SpeechEngine {
  let session = 0
  let manager: BackgroundAudio | null = null
  let handlers: { ended(): void; error(res: { errCode?: number; errMsg?: string }): void; play(): void } | null = null

  const synthesise = (content: string) =>
    new Promise<string>((resolve, reject) => {
      const si = plugin()
      if (!si) return reject(new Error(speechErrorMessage(undefined)))
      si.textToSpeech({
        lang: 'zh_CN',
        tts: true,
        content,
        success: (res) => ((res.retcode === 0 || res.retcode === undefined) && res.filename ? resolve(res.filename) : reject(new Error(speechErrorMessage(res.retcode)))),
        fail: (res) => reject(new Error(speechErrorMessage(res?.retcode))),
      })
    })

  const bind = (m: BackgroundAudio) => {
    if (manager === m) return
    manager = m
    // The manager is one per app and keeps its listeners: register once, route to the current session.
    m.onEnded(() => handlers?.ended())
    m.onError((res) => handlers?.error(res))
    m.onPlay(() => handlers?.play())
  }

  return {
    async check(): Promise<SpeechAvailability> {
      return plugin() && audio() ? { ok: true } : { ok: false, reason: 'unsupported', message: '当前微信版本不支持朗读，请升级微信后再试。' }
    },
    speak(pieces, options, events) {
      const mine = ++session
      const m = audio()
      if (!m) return events.onError('当前微信版本不支持朗读，请升级微信后再试。')
      bind(m)
      const files = new Map<number, Promise<string>>()
      const fileOf = (i: number) => {
        let f = files.get(i)
        if (!f) {
          f = synthesise(pieces[i])
          // A failure ahead is reported when its turn comes, not before.
          f.catch(() => undefined)
          files.set(i, f)
        }
        return f
      }
      let current = -1
      const fail = (message: string) => {
        if (mine !== session) return
        session++
        events.onError(message)
      }
      const play = async (i: number) => {
        if (mine !== session) return
        if (i >= pieces.length) {
          handlers = null
          return events.onDone()
        }
        for (let k = i; k < Math.min(pieces.length, i + 1 + AHEAD); k++) void fileOf(k)
        let file: string
        try {
          file = await fileOf(i)
        } catch (error) {
          return fail((error as Error).message)
        }
        if (mine !== session) return
        current = i
        files.delete(i - 1)
        m.title = options.title
        m.epname = options.title
        m.singer = '工会信息'
        m.playbackRate = options.rate
        m.src = file // setting src starts playing
      }
      handlers = {
        ended: () => void play(current + 1),
        // BackgroundAudioManager.onError: errCode 10002 is WeChat's network error.
        error: (res) => fail(res?.errCode === 10002 || /network|网络/i.test(res?.errMsg ?? '') ? speechErrorMessage(-20005) : '播放出错，已停止朗读。'),
        play: () => mine === session && current >= 0 && events.onStart(current),
      }
      void play(0)
    },
    pause: () => manager?.pause(),
    resume: () => manager?.play(),
    stop() {
      session++
      handlers = null
      manager?.stop()
    },
  }
}
