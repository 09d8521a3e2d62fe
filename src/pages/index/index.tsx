import { Button, Text, View } from '../../components/ui'
import { useLoad, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import IssueCard from '../../components/IssueCard'
import { asButton } from '../../components/a11y'
import Masthead from '../../components/Masthead'
import { ErrorView, OfflineBanner, OfflineHomeNote, Skeleton } from '../../components/StatusViews'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'
import { stopPullDownRefresh } from '../../services/page-chrome'
import { openArticle, openFavourites, openIssue, openSearch, openSettings } from '../../services/platform'
import { articleIdFromScene } from '../../services/subscribe'
import PageShellContainer from '../PageShellContainer'
import SubscribeContainer from './SubscribeContainer'
import { useCare } from '../care'
import { issuesOnPhone } from './issues-on-phone'

/** Home: published issues, newest first; unread ones marked. */
export default function Index() {
  const router = useRouter()
  const list = useApp('issueList', (s) => s)
  const readIds = useApp('reading', (s) => s.readIssueIds)
  const saved = useApp('savedIssues', (s) => s.saved)
  // No network: say so, and list the saved issues too, those beyond the list's first page and when
  // there is no list on the phone at all.
  const shown = issuesOnPhone(list.items, saved, list.offline)
  const care = useCare()

  useLoad(() => {
    // A poster's code may open the mini-program at home with the article in `scene`.
    const fromScene = articleIdFromScene(router.params.scene)
    if (fromScene) openArticle(fromScene)
    void appStores().issueList.getState().refresh()
  })
  usePullDownRefresh(() => {
    // The member asked for what is new: past the browser's cache of the list.
    void appStores().issueList.getState().refresh({ fresh: true }).finally(stopPullDownRefresh)
  })
  useReachBottom(() => void appStores().issueList.getState().loadMore())

  return (
    <PageShellContainer>
      <Masthead masthead='工会信息' />
      <View className='nav-row'>
        <Button className='btn small' {...asButton()} onClick={openSearch}>
          搜索
        </Button>
        <Button className='btn small' {...asButton()} onClick={openFavourites}>
          收藏
        </Button>
        <Button className='btn small' {...asButton()} onClick={openSettings}>
          字号
        </Button>
        <Button className={`btn small${care ? ' primary' : ''}`} onClick={() => appStores().settings.getState().setCare(!care)} aria-pressed={care}>
          长辈版
        </Button>
      </View>
      {list.offline && shown.length ? <OfflineHomeNote savedCount={Object.keys(saved).length} onRetry={() => void list.refresh({ fresh: true })} /> : null}
      <OfflineBanner show={list.fromCache && !list.offline} />
      {(list.status === 'loading' || list.status === 'idle') && !shown.length ? <Skeleton /> : null}
      {list.status === 'error' && !shown.length ? <ErrorView message={list.error ?? ''} onRetry={() => void list.refresh()} /> : null}
      {shown.map((issue) => (
        <IssueCard key={issue.id} issue={issue} unread={!readIds.includes(issue.id)} saved={Boolean(saved[issue.id])} onOpen={(id) => openIssue(id)} />
      ))}
      {list.status === 'ready' && !list.items.length ? (
        <View className='pad'>
          <Text>还没有发布的期刊。</Text>
        </View>
      ) : null}
      {list.nextCursor ? (
        <View className='pad'>
          <Button className='btn' {...asButton()} onClick={() => void list.loadMore()} disabled={list.loadingMore ? true : undefined}>
            {list.loadingMore ? '正在加载…' : '加载更早的期刊'}
          </Button>
        </View>
      ) : null}
      <SubscribeContainer />
    </PageShellContainer>
  )
}
