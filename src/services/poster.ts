/**
 * What became of saving the poster to the album, told apart by WeChat's errno (and errMsg for older
 * base libraries, which give none): each failure needs a different step from the member, and one of
 * them (112) is the publisher's to fix, not the member's.
 */

export type PosterOutcomeKind =
  | 'saved'
  /** The member refused the album (now or before): only 设置 brings it back (Button openType='openSetting'). */
  | 'album-denied'
  /** errno 104: the member has not agreed to the privacy guide (closed our popup, or declined it). */
  | 'privacy-not-agreed'
  /** errno 112: 相册（仅写入） is missing from the 用户隐私保护指引 in the admin console. */
  | 'privacy-undeclared'
  | 'cancelled'
  | 'download-failed'
  | 'failed'

export interface PosterOutcome {
  kind: PosterOutcomeKind
  message: string
}

export interface WechatFailure {
  errMsg?: string
  errno?: number
}

const MESSAGES: Record<PosterOutcomeKind, string> = {
  saved: '海报已保存到相册',
  'album-denied': '没有保存到相册的权限。请点下方「去设置」，打开「保存到相册」后再保存一次',
  'privacy-not-agreed': '需要先同意《用户隐私保护指引》才能保存到相册。再点一次「保存海报」，在弹出的说明里点「同意」即可',
  'privacy-undeclared': '小程序暂时不能保存图片到相册（隐私保护指引里还没有声明相册权限），请告诉工会办公室。可以先长按海报图片保存',
  cancelled: '已取消保存',
  'download-failed': '海报生成失败，请检查网络后再试',
  failed: '没有保存海报，请稍后再试',
}

export const posterOutcome = (kind: PosterOutcomeKind): PosterOutcome => ({ kind, message: MESSAGES[kind] })

/** A failed saveImageToPhotosAlbum, in the member's words. */
export function posterFailure(error: unknown): PosterOutcome {
  const { errMsg = '', errno } = (error ?? {}) as WechatFailure
  const msg = String(errMsg)
  if (errno === 112 || /not declared in the privacy agreement/i.test(msg)) return posterOutcome('privacy-undeclared')
  if (errno === 104 || /privacy permission is not authori[sz]ed/i.test(msg)) return posterOutcome('privacy-not-agreed')
  if (errno === 103 || /auth den(y|ied)|authorize no response|permission denied/i.test(msg)) return posterOutcome('album-denied')
  if (/cancel/i.test(msg)) return posterOutcome('cancelled')
  return posterOutcome('failed')
}
