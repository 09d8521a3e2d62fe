/**
 * New-issue subscription (issue 6). WeChat only shows its dialog when requestSubscribeMessage is
 * called synchronously inside the tap handler, so startSubscribe calls it first and does everything
 * else (posting the result, telling the member) in the callbacks.
 */
import type { SubscribeResult } from '../core/api'

export interface SubscribeOutcome {
  /** What to record with the backend; null when WeChat gave no per-template answer. */
  result: SubscribeResult | null
  /** Said to the member. */
  message: string
  ok: boolean
}

export interface SubscribeApi {
  requestSubscribeMessage(options: { tmplIds: string[]; success?: (res: Record<string, string>) => void; fail?: (err: { errCode?: number; errMsg?: string }) => void }): unknown
}

const TELL_OFFICE = '请告诉工会办公室检查订阅消息模板的设置。'

/** Errors of the mini-program's setup, not the member's: trying again will not help, so say what is wrong. */
const SETUP_ERRORS: Record<number, string> = {
  10001: `订阅消息的模板没有设置，暂时无法订阅。${TELL_OFFICE}`,
  10004: `订阅消息的模板编号不对，暂时无法订阅。${TELL_OFFICE}`,
  20001: `订阅消息的模板在微信里找不到（模板编号不存在，或不是一次性订阅模板），暂时无法订阅。${TELL_OFFICE}`,
  20002: `订阅消息的模板类型不一致，暂时无法订阅。${TELL_OFFICE}`,
  20003: `订阅消息的模板超过了一次能订阅的数量，暂时无法订阅。${TELL_OFFICE}`,
  20005: '本小程序的订阅消息功能已被微信停用，暂时无法订阅。请告诉工会办公室到小程序后台查看原因。',
}

const TURN_ON_HINT = '如需开启：点右上角「···」→「设置」→「通知管理」，打开「接收通知」。'

export function interpretSubscribe(answer: Record<string, string> | null, failure: { errCode?: number; errMsg?: string } | null, templateId: string): SubscribeOutcome {
  if (failure) {
    if (failure.errCode === 20004) {
      return { result: null, ok: false, message: `您已关闭了小程序的所有订阅消息，收不到新一期提醒。${TURN_ON_HINT}` }
    }
    if (/cancel/i.test(failure.errMsg ?? '')) return { result: null, ok: false, message: '已取消订阅。' }
    const setup = failure.errCode === undefined ? undefined : SETUP_ERRORS[failure.errCode]
    if (setup) return { result: null, ok: false, message: setup }
    if (failure.errCode === 10005) return { result: null, ok: false, message: '微信没能显示订阅窗口（小程序不在前台时会这样），请回到本页再点一次「订阅新一期提醒」。' }
    if (failure.errCode === 10002 || failure.errCode === 10003) return { result: null, ok: false, message: '网络不好，订阅请求没有发出去。请检查网络后再点一次。' }
    return { result: null, ok: false, message: '订阅没有成功，请稍后再试。' }
  }
  const value = answer?.[templateId]
  switch (value) {
    case 'accept':
      return { result: 'accept', ok: true, message: '订阅成功！下一期出刊时会通知您一次。每次订阅只提醒一次，想继续接收请再点一次。' }
    case 'reject':
      return { result: 'reject', ok: false, message: `您选择了不接收提醒。想接收时再点「订阅新一期」。若不再弹出询问，${TURN_ON_HINT}` }
    case 'ban':
      return { result: 'ban', ok: false, message: '这项提醒已被微信停用，暂时无法订阅。' }
    case 'filter':
      return { result: 'filter', ok: false, message: `这项提醒被微信过滤了（模板标题与本小程序的另一个模板同名），再试也不会成功。${TELL_OFFICE}` }
    default:
      return { result: null, ok: false, message: '订阅没有成功，请稍后再试。' }
  }
}

/**
 * Call from the tap handler itself, before any await. `onOutcome` receives the interpreted answer;
 * recording it with the backend happens there, after WeChat's dialog.
 */
export function startSubscribe(wx: SubscribeApi, templateIds: string[], onOutcome: (outcome: SubscribeOutcome, templateId: string) => void): void {
  const tmplIds = templateIds.filter(Boolean).slice(0, 3) // WeChat takes at most three per call
  const templateId = tmplIds[0]
  if (!templateId) return
  try {
    const returned = wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => onOutcome(interpretSubscribe(res, null, templateId), templateId),
      fail: (err) => onOutcome(interpretSubscribe(null, err ?? {}, templateId), templateId),
    })
    // Taro also returns a promise that rejects on failure; `fail` above has dealt with it.
    if (returned && typeof (returned as Promise<unknown>).catch === 'function') (returned as Promise<unknown>).catch(() => undefined)
  } catch (error) {
    onOutcome(interpretSubscribe(null, { errMsg: String(error) }, templateId), templateId)
  }
}

/** The template id: the server's config wins, the one built in is the fallback; '' hides the button. */
export function chooseTemplateId(fromServer: string | null | undefined, builtIn: string): string {
  return (fromServer ?? '').trim() || builtIn.trim()
}

/** A poster's mini-program code opens the article with options.scene = 'a=123' (URL-encoded) or '123'. */
export function articleIdFromScene(scene: string | undefined | null): number | null {
  if (!scene) return null
  let text = scene
  try {
    text = decodeURIComponent(scene)
  } catch {
    // keep as is
  }
  const match = /(?:^|[&?])(?:a|id|article)=(\d+)/.exec(text) ?? /^(\d+)$/.exec(text.trim())
  const id = match ? Number(match[1]) : NaN
  return Number.isSafeInteger(id) && id > 0 ? id : null
}
