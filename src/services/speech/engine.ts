/**
 * The one text-to-speech interface the player uses. Today WeChat's 同声传译 plugin (./wechat-si.ts)
 * and the browser's speechSynthesis (./web-speech.ts) implement it; a server-side engine can replace
 * them later without touching the player or any page.
 */

export type SpeechAvailability = { ok: true } | { ok: false; reason: 'no-voice' | 'unsupported'; message: string }

export interface SpeakOptions {
  /** 0.75 … 1.5 */
  rate: number
  /** What the system shows as playing (WeChat's background audio: the label). */
  title: string
}

export interface SpeakEvents {
  /** Piece `index` of the list given to speak() is now being heard. */
  onStart(index: number): void
  /** The last piece has finished. */
  onDone(): void
  /** Speaking stopped on an error; the message is for the member, in plain words. */
  onError(message: string): void
}

export interface SpeechEngine {
  check(): Promise<SpeechAvailability>
  /** Speaks the pieces in order, replacing whatever was being spoken. */
  speak(pieces: string[], options: SpeakOptions, events: SpeakEvents): void
  pause(): void
  resume(): void
  /** Stops for good; no event of the stopped speech arrives afterwards. */
  stop(): void
}

export const NO_VOICE_MESSAGE = '这个浏览器不能朗读中文。请在微信中打开「工会信息」小程序收听。'
