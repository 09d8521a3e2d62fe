import { ScrollView, View } from '../../components/ui'
import { useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ContentsPage, IssueFooter, SectionPage } from '../../components/IssueSections'
import SectionTabs from '../../components/SectionTabs'
import TopBar from '../../components/TopBar'
import { ReaderSwiper, ReaderSwiperItem } from '../../components/ReaderSwiper'
import { asScrollRegion } from '../../components/a11y'
import { ErrorView, NotOnPhoneView, OfflineBanner, Skeleton } from '../../components/StatusViews'
import { cardUrls } from '../../services/api'
import { previewToken } from '../../services/preview'
import { offsetInScrollView, setPageTitle } from '../../services/page-chrome'
import { goBack, goHome, isSinglePageMode, openArticle, showsOwnTopBar } from '../../services/platform'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'
import PageShellContainer from '../PageShellContainer'
import { initialPage, parseId, readerTabNames } from './reader-pages'
import ListenContainer from '../ListenContainer'
import SectionStepper from '../../components/SectionStepper'
import { issuePlan } from '../../core/speech/reading-plan'
import { useCare } from '../care'
import SaveIssueContainer from './SaveIssueContainer'

/** The issue reader: one swipeable page per section, tabs to show where you are. */
export default function IssuePage() {
  const router = useRouter()
  const id = parseId(router.params.id)
  const entry = useApp('issues', (s) => (id ? s.entries[id] : undefined))
  const [current, setCurrent] = useState(0)
  const issue = entry?.data ?? null
  const care = useCare()
  // A search result's brief: marked, and its section scrolled to it.
  const markedId = parseId(router.params.item)
  const [markedTop, setMarkedTop] = useState<number | null>(null)

  useLoad(() => {
    if (id) void appStores().issues.getState().load(id)
  })
  useEffect(() => {
    if (!issue) return
    appStores().reading.getState().markIssueRead(issue.id)
    const page = initialPage(issue, router.params.section)
    setCurrent(page)
    if (markedId) void offsetInScrollView(`reader-page-${page}`, `item-${markedId}`).then(setMarkedTop)
    setPageTitle(`工会信息 ${issue.label}`)
    // Once per issue opened: a refresh of the same issue keeps the page the member is on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [issue?.id])

  useShareAppMessage(() => ({
    title: issue ? `工会信息${issue.label}` : '工会信息',
    path: `/pages/issue/index?id=${id ?? ''}`,
    imageUrl: id ? cardUrls(API_BASE).issue(id) : undefined,
  }))
  useShareTimeline(() => ({
    title: issue ? `工会信息${issue.label}` : '工会信息',
    query: `id=${id ?? ''}`,
    imageUrl: id ? cardUrls(API_BASE).issue(id) : undefined,
  }))

  const onOpenArticle = (articleId: number) => {
    if (!isSinglePageMode()) openArticle(articleId)
  }

  const topBar = showsOwnTopBar ? <TopBar title={issue ? `${issue.masthead}${issue.label}` : '工会信息'} onBack={goBack} onHome={goHome} /> : null
  if (!id)
    return (
      <PageShellContainer>
        {topBar}
        <ErrorView message='链接不完整，找不到这一期。' retryLabel='返回首页' onRetry={goHome} />
      </PageShellContainer>
    )
  if (!issue) {
    return (
      <PageShellContainer>
        {topBar}
        {entry?.status === 'error' && entry.offline ? (
          <NotOnPhoneView what='issue' onHome={goHome} onRetry={() => void appStores().issues.getState().load(id)} />
        ) : entry?.status === 'error' ? (
          <ErrorView message={entry.error ?? ''} onRetry={() => void appStores().issues.getState().load(id)} onHome={goHome} />
        ) : (
          <Skeleton lines={10} />
        )}
      </PageShellContainer>
    )
  }
  const names = readerTabNames(issue)
  return (
    <PageShellContainer>
      {topBar}
      <SectionTabs names={names} current={current} onSelect={setCurrent} />
      <ReaderSwiper className='reader' current={current} onChange={(e) => setCurrent(e.detail.current)}>
        {names.map((name, index) => (
          <ReaderSwiperItem key={name + index}>
            <ScrollView
              id={`reader-page-${index}`}
              scrollY
              className='reader-scroll'
              {...asScrollRegion(name)}
              scrollTop={markedTop !== null && index === initialPage(issue, router.params.section) ? markedTop : undefined}
            >
              {index === 0 ? <OfflineBanner show={entry?.fromCache ?? false} /> : null}
              <ListenContainer origin={{ kind: 'issue', id: issue.id }} plan={() => issuePlan(issue)} />
              {/* Not a draft the console previews, nor Moments' single page (no storage there). */}
              {index === 0 && !isSinglePageMode() && previewToken() === null ? <SaveIssueContainer issue={issue} /> : null}
              {care ? <SectionStepper names={names} current={index} onSelect={setCurrent} /> : null}
              {index === 0 ? (
                <ContentsPage issue={issue} onOpenArticle={onOpenArticle} onOpenSection={setCurrent} />
              ) : (
                <SectionPage section={issue.sections[index - 1]} markedId={markedId} onOpenArticle={onOpenArticle} />
              )}
              {index === names.length - 1 ? <IssueFooter issue={issue} /> : null}
              <View style={{ height: '48PX' }} />
            </ScrollView>
          </ReaderSwiperItem>
        ))}
      </ReaderSwiper>
    </PageShellContainer>
  )
}
