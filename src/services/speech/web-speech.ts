/** H5: the browser's speechSynthesis, with a zh-CN voice when the browser has one. */
import { NO_VOICE_MESSAGE, type SpeechAvailability, type SpeechEngine } from './engine'

/** The voice to use: zh-CN first, then any Mandarin one; null when the browser has none. */
export function chineseVoice(voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const norm = (lang: string) => lang.replace('_', '-').toLowerCase()
  return voices.find((v) => norm(v.lang) === 'zh-cn') ?? voices.find((v) => /^zh(-hans|-sg)?/.test(norm(v.lang)) && !/hk|tw|yue/.test(norm(v.lang))) ?? null
}

export function createWebSpeechEngine(synth: SpeechSynthesis | undefined = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis): SpeechEngine {
  let session = 0
  let voice: SpeechSynthesisVoice | null = null

  /** Voices may arrive a moment after the page loads (voiceschanged). */
  const voices = (): Promise<SpeechSynthesisVoice[]> =>
    new Promise((resolve) => {
      if (!synth) return resolve([])
      const now = synth.getVoices()
      if (now.length) return resolve(now)
      const done = () => {
        synth.removeEventListener?.('voiceschanged', done)
        clearTimeout(timer)
        resolve(synth.getVoices())
      }
      const timer = setTimeout(done, 1500)
      synth.addEventListener?.('voiceschanged', done)
    })

  return {
    async check(): Promise<SpeechAvailability> {
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return { ok: false, reason: 'unsupported', message: NO_VOICE_MESSAGE }
      voice = chineseVoice(await voices())
      return voice ? { ok: true } : { ok: false, reason: 'no-voice', message: NO_VOICE_MESSAGE }
    },
    speak(pieces, options, events) {
      if (!synth) return events.onError(NO_VOICE_MESSAGE)
      const mine = ++session
      synth.cancel()
      const say = (index: number) => {
        if (mine !== session) return
        if (index >= pieces.length) return events.onDone()
        const u = new SpeechSynthesisUtterance(pieces[index])
        u.lang = 'zh-CN'
        if (voice) u.voice = voice
        u.rate = options.rate
        u.onstart = () => mine === session && events.onStart(index)
        u.onend = () => say(index + 1)
        u.onerror = (e) => {
          if (mine !== session || e.error === 'interrupted' || e.error === 'canceled') return
          session++
          events.onError('朗读中断了，请再点一次播放')
        }
        synth.speak(u)
      }
      say(0)
    },
    pause: () => synth?.pause(),
    resume: () => synth?.resume(),
    stop() {
      session++
      synth?.cancel()
    },
  }
}
