import { posterFailure } from '../../../src/services/poster'

describe('saving the poster: each failure in its own words', () => {
  it.each([
    [{ errno: 104, errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' }, 'privacy-not-agreed', '隐私保护指引'],
    [{ errno: 112, errMsg: 'saveImageToPhotosAlbum:fail api scope is not declared in the privacy agreement' }, 'privacy-undeclared', '工会办公室'],
    [{ errno: 103, errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, 'album-denied', '去设置'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail auth denied' }, 'album-denied', '去设置'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail cancel' }, 'cancelled', '取消'],
    [{ errMsg: 'saveImageToPhotosAlbum:fail unknown' }, 'failed', '没有保存'],
  ])('%o → %s', (error, kind, words) => {
    const outcome = posterFailure(error)
    expect(outcome.kind).toBe(kind)
    expect(outcome.message).toContain(words)
  })

  it('privacy not agreed is not taken for a refused album permission', () => {
    expect(posterFailure({ errno: 104, errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized' }).message).not.toContain('相册的权限')
  })
})
