import { Button, View } from './ui'
import { useState } from 'react'
import { asButton } from './a11y'

/**
 * Favourite, share and save-poster buttons under an article. In WeChat sharing is the mini-program's
 * own share button (openType='share'); elsewhere a tap calls onShare.
 */
export default function ArticleActions({
  favourite,
  saving,
  wechatShare,
  onFavourite,
  onShare,
  onPoster,
  compact = false,
}: {
  favourite: boolean
  /** The poster is being made: the button says so and waits. */
  saving: boolean
  wechatShare: boolean
  onFavourite: () => void
  onShare: () => void
  onPoster: () => void
  /** 长辈版: only 收藏 shows; share and poster wait behind 更多. */
  compact?: boolean
}) {
  const [more, setMore] = useState(false)
  const secondary = !compact || more
  return (
    <View className='pad row gap'>
      <Button className={`btn${favourite ? ' primary' : ''}`} {...asButton(favourite)} onClick={onFavourite}>
        {favourite ? '★ 已收藏' : '☆ 收藏'}
      </Button>
      {secondary ? null : (
        <Button className='btn' {...asButton()} onClick={() => setMore(true)}>
          更多
        </Button>
      )}
      {!secondary ? null : wechatShare ? (
        <Button className='btn' {...asButton()} openType='share'>
          分享给好友
        </Button>
      ) : (
        <Button className='btn' {...asButton()} onClick={onShare}>
          分享
        </Button>
      )}
      {secondary ? (
        <Button className='btn' {...asButton()} aria-disabled={saving} onClick={onPoster} disabled={saving ? true : undefined}>
          {saving ? '正在生成…' : '保存海报'}
        </Button>
      ) : null}
    </View>
  )
}
