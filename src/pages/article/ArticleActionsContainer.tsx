import { useState } from 'react'
import AlbumPermission from '../../components/AlbumPermission'
import ArticleActions from '../../components/ArticleActions'
import type { ArticleDetail } from '../../core/api'
import { cardUrls } from '../../services/api'
import { isWeapp, savePoster, shareOnWeb, toast } from '../../services/platform'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'
import { useCare } from '../care'

/** The article's actions wired up: favourites in the store, H5 share, the poster from the card API. */
export default function ArticleActionsContainer({ detail }: { detail: ArticleDetail }) {
  const id = detail.article.id
  const favourite = useApp('favourites', (s) => s.entries.some((e) => e.articleId === id))
  const [saving, setSaving] = useState(false)
  const care = useCare()
  const [albumDenied, setAlbumDenied] = useState(false)

  const onFavourite = () => {
    const added = appStores().favourites.getState().toggle(detail)
    toast(added ? '已收藏，没网时也能看' : '已取消收藏')
  }
  const onWebShare = async () => {
    const how = await shareOnWeb(detail.article.title, id)
    toast(how === 'copied' ? '链接已复制，可粘贴发给同事' : how === 'shared' ? '已分享' : '无法分享，请复制地址栏链接')
  }
  const onPoster = async () => {
    setSaving(true)
    try {
      const outcome = await savePoster(cardUrls(API_BASE).poster(id), `工会信息-${id}.png`)
      setAlbumDenied(outcome.kind === 'album-denied')
      toast(outcome.message, true)
    } finally {
      setSaving(false)
    }
  }
  const onSettingsClosed = (allowed: boolean) => {
    setAlbumDenied(!allowed)
    if (allowed) toast('已允许保存到相册，请再点一次「保存海报」', true)
  }

  return (
    <>
      <ArticleActions
        favourite={favourite}
        saving={saving}
        wechatShare={isWeapp}
        onFavourite={onFavourite}
        onShare={() => void onWebShare()}
        onPoster={() => void onPoster()}
        compact={care}
      />
      {isWeapp && albumDenied ? <AlbumPermission onOpened={onSettingsClosed} /> : null}
    </>
  )
}
