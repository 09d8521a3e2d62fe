import { Button, Text, View } from '@tarojs/components'
import { useLoad, usePageScroll, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import ArticleBody from '../../components/ArticleBody'
import { ErrorView, OfflineBanner, Skeleton } from '../../components/StatusViews'
import { cardUrls, pictureUrl } from '../../services/api'
import { scrollPageTo } from '../../services/page-chrome'
import { goHome, isSinglePageMode, openIssue, previewPicture, switchToArticle } from '../../services/platform'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'
import PageShellContainer from '../PageShellContainer'
import ArticleActionsContainer from './ArticleActionsContainer'
import { articleIdFromParams } from './article-id'
import ListenContainer, { useReadingMark } from '../ListenContainer'
import { articlePlan } from '../../core/speech/reading-plan'

/** One article: large type, previous/next, favourite, share, poster; the reading position is kept. */
export default function ArticlePage() {
  const router = useRouter()
  const id = articleIdFromParams(router.params)
  const entry = useApp('articles', (s) => (id ? s.entries[id] : undefined))
  const detail = entry?.data ?? null
  const singlePage = isSinglePageMode()
  const lastSaved = useRef(0)
  const reading = useReadingMark(id)

  useLoad(() => {
    if (id) void appStores().articles.getState().load(id)
  })
  useEffect(() => {
    if (!detail || !id) return
    const top = appStores().reading.getState().positionOf(id)
    if (top > 0) setTimeout(() => scrollPageTo(top), 50)
    // Once per article shown, not on every re-render of the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail?.article.id])
  usePageScroll(({ scrollTop }) => {
    // Remember where the member stopped, at most every half second.
    const now = Date.now()
    if (!id || now - lastSaved.current < 500) return
    lastSaved.current = now
    appStores().reading.getState().savePosition(id, scrollTop)
  })

  const title = detail?.article.title ?? '工会信息'
  useShareAppMessage(() => ({ title, path: `/pages/article/index?id=${id ?? ''}`, imageUrl: id ? cardUrls(API_BASE).article(id) : undefined }))
  useShareTimeline(() => ({ title, query: `id=${id ?? ''}`, imageUrl: id ? cardUrls(API_BASE).article(id) : undefined }))

  if (!id)
    return (
      <PageShellContainer>
        <ErrorView message='链接不完整，找不到这篇文章。' onRetry={goHome} />
      </PageShellContainer>
    )
  if (!detail) {
    return (
      <PageShellContainer>
        {entry?.status === 'error' ? <ErrorView message={entry.error ?? ''} onRetry={() => void appStores().articles.getState().load(id)} /> : <Skeleton lines={12} />}
      </PageShellContainer>
    )
  }
  const { previousId, nextId } = detail
  return (
    <PageShellContainer>
      {singlePage ? (
        <View className='hint'>
          <Text>当前为朋友圈预览，只能阅读本文。点下方「前往小程序」可看全部期刊。</Text>
        </View>
      ) : null}
      <OfflineBanner show={entry?.fromCache ?? false} />
      <ListenContainer origin={{ kind: 'article', id: detail.article.id }} plan={() => articlePlan(detail.article)} />
      <ArticleBody detail={detail} reading={reading} pictures={{ pictureUrl: pictureUrl(API_BASE), onPreview: previewPicture }} />
      {singlePage ? null : <ArticleActionsContainer detail={detail} />}
      {singlePage ? null : (
        <View className='pad row gap'>
          {previousId ? (
            <Button className='btn grow' onClick={() => switchToArticle(previousId)}>
              ‹ 上一篇
            </Button>
          ) : null}
          {nextId ? (
            <Button className='btn grow' onClick={() => switchToArticle(nextId)}>
              下一篇 ›
            </Button>
          ) : null}
        </View>
      )}
      {singlePage ? null : (
        <View className='pad'>
          <Button className='btn' onClick={() => openIssue(detail.issue.id)}>
            查看本期全部内容（{detail.issue.label}）
          </Button>
          {/* A shared link opens this page alone: the way back to the list of issues. */}
          <Button className='btn' style={{ marginTop: '12PX' }} onClick={goHome}>
            返回首页
          </Button>
        </View>
      )}
      <View style={{ height: '32PX' }} />
    </PageShellContainer>
  )
}
