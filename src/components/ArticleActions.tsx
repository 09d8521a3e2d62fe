import { Button, View } from '@tarojs/components'
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
}: {
  favourite: boolean
  /** The poster is being made: the button says so and waits. */
  saving: boolean
  wechatShare: boolean
  onFavourite: () => void
  onShare: () => void
  onPoster: () => void
}) {
  return (
    <View className='pad row gap'>
      <Button className={`btn${favourite ? ' primary' : ''}`} {...asButton(favourite)} onClick={onFavourite}>
        {favourite ? '★ 已收藏' : '☆ 收藏'}
      </Button>
      {wechatShare ? (
        <Button className='btn' {...asButton()} openType='share'>
          分享给好友
        </Button>
      ) : (
        <Button className='btn' {...asButton()} onClick={onShare}>
          分享
        </Button>
      )}
      <Button className='btn' {...asButton()} aria-disabled={saving} onClick={onPoster} disabled={saving ? true : undefined}>
        {saving ? '正在生成…' : '保存海报'}
      </Button>
    </View>
  )
}
