import { Button, Text, View } from '../../components/ui'
import { useLoad, usePageScroll, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import ArticleBody from '../../components/ArticleBody'
import CorrectionNotice from '../../components/CorrectionNotice'
import TextSettings from '../../components/TextSettings'
import TopBar from '../../components/TopBar'
import { asButton } from '../../components/a11y'
import { ErrorView, NotOnPhoneView, OfflineBanner, Skeleton } from '../../components/StatusViews'
import { cardUrls } from '../../services/api'
import { scrollPageTo } from '../../services/page-chrome'
import { goBack, goHome, isSinglePageMode, openIssue, previewPicture, showsOwnTopBar, switchToArticle, systemFontScale } from '../../services/platform'
import { effectiveStep, TEXT_SIZE_NAMES } from '../../stores/settings-store'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'
import PageShellContainer from '../PageShellContainer'
import ArticleActionsContainer from './ArticleActionsContainer'
import { articleIdFromParams } from './article-id'
import { useTermMarks } from './term-marks'
import ListenContainer, { useReadingMark } from '../ListenContainer'
import { articlePlan } from '../../core/speech/reading-plan'
import { safeDecode } from '../issue/reader-pages'

/** One article: large type, previous/next, favourite, share, poster; the reading position is kept. */
export default function ArticlePage() {
  const router = useRouter()
  const id = articleIdFromParams(router.params)
  const entry = useApp('articles', (s) => (id ? s.entries[id] : undefined))
  const detail = entry?.data ?? null
  const singlePage = isSinglePageMode()
  const lastSaved = useRef(0)
  const reading = useReadingMark(id)
  const settings = useApp('settings', (s) => s)
  const [textPanel, setTextPanel] = useState(false)
  // Opened from a search result: the term is marked in the text.
  const searchTerm = router.params.q ? safeDecode(router.params.q) : ''
  const termMarks = useTermMarks(searchTerm)

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

  // H5 has no navigation bar: back, home, and "Aa" for text size and night mode, as 微信读书 has.
  const topBar = showsOwnTopBar ? (
    <TopBar onBack={goBack} onHome={goHome}>
      {detail ? (
        <View className='top-bar-btn' {...asButton(textPanel)} aria-label='文字大小与夜间模式' onClick={() => setTextPanel(!textPanel)}>
          <Text aria-hidden='true'>Aa</Text>
        </View>
      ) : null}
    </TopBar>
  ) : null

  if (!id)
    return (
      <PageShellContainer>
        {topBar}
        <ErrorView message='链接不完整，找不到这篇文章。' retryLabel='返回首页' onRetry={goHome} />
      </PageShellContainer>
    )
  if (!detail) {
    return (
      <PageShellContainer>
        {topBar}
        {entry?.status === 'error' && entry.offline ? (
          <NotOnPhoneView what='article' onHome={goHome} onRetry={() => void appStores().articles.getState().load(id)} />
        ) : entry?.status === 'error' ? (
          <ErrorView message={entry.error ?? ''} onRetry={() => void appStores().articles.getState().load(id)} onHome={goHome} />
        ) : (
          <Skeleton lines={12} />
        )}
      </PageShellContainer>
    )
  }
  const { previousId, nextId } = detail
  return (
    <PageShellContainer>
      {topBar}
      {textPanel ? (
        <View className='text-panel'>
          <TextSettings
            names={TEXT_SIZE_NAMES}
            step={effectiveStep(settings.textStep, systemFontScale())}
            followingWechat={false}
            night={settings.night}
            headingLevel={2}
            onStep={settings.setTextStep}
            onNight={settings.setNight}
          />
        </View>
      ) : null}
      {singlePage ? (
        <View className='hint'>
          <Text>当前为朋友圈预览，只能阅读本文。点下方「前往小程序」可看全部期刊。</Text>
        </View>
      ) : null}
      <OfflineBanner show={entry?.fromCache ?? false} />
      <ListenContainer origin={{ kind: 'article', id: detail.article.id }} plan={() => articlePlan(detail.article)} />
      <ArticleBody detail={detail} reading={reading} marks={termMarks} pictures={{ pictureUrl: appStores().savedIssues.getState().pictureSource, onPreview: previewPicture }} />
      <CorrectionNotice corrections={detail.article.corrections ?? []} />
      {singlePage ? null : <ArticleActionsContainer detail={detail} />}
      {singlePage ? null : (
        <View className='pad row gap'>
          {previousId ? (
            <Button className='btn grow' {...asButton()} onClick={() => switchToArticle(previousId)}>
              ‹ 上一篇
            </Button>
          ) : null}
          {nextId ? (
            <Button className='btn grow' {...asButton()} onClick={() => switchToArticle(nextId)}>
              下一篇 ›
            </Button>
          ) : null}
        </View>
      )}
      {singlePage ? null : (
        <View className='pad'>
          <Button className='btn' {...asButton()} onClick={() => openIssue(detail.issue.id)}>
            查看本期全部内容（{detail.issue.label}）
          </Button>
          {/* A shared link opens this page alone: the way back to the list of issues. */}
          <Button className='btn' style={{ marginTop: '12PX' }} {...asButton()} onClick={goHome}>
            返回首页
          </Button>
        </View>
      )}
      <View style={{ height: '32PX' }} />
    </PageShellContainer>
  )
}
