import { Button, Text, View } from '../../components/ui'
import { useDidShow } from '@tarojs/taro'
import Masthead from '../../components/Masthead'
import { asButton, asHeading, asLink } from '../../components/a11y'
import { formatIssueDate } from '../../components/format'
import { goHome, openArticle, openSearch } from '../../services/platform'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'
import PageShellContainer from '../PageShellContainer'

/** Favourites: kept on this phone (readable offline) and synced when signed in. */
export default function FavouritesPage() {
  const entries = useApp('favourites', (s) => s.entries)
  const syncError = useApp('favourites', (s) => s.syncError)
  useDidShow(() => void appStores().favourites.getState().sync())

  return (
    <PageShellContainer>
      {/* H5 shows no navigation bar: the page names itself and offers the way home, as home does. */}
      <Masthead masthead='收藏' />
      <View className='nav-row'>
        <Button className='btn small' {...asButton()} onClick={goHome}>
          返回首页
        </Button>
        <Button className='btn small' {...asButton()} onClick={openSearch}>
          搜索
        </Button>
      </View>
      {syncError ? (
        <View className='banner'>
          <Text>暂时连不上服务器，显示的是本机保存的收藏。</Text>
        </View>
      ) : null}
      {!entries.length ? (
        <View className='pad empty'>
          <View>
            <Text className='h2' {...asHeading(2)}>
              还没有收藏
            </Text>
          </View>
          <View>
            <Text className='para' style={{ textIndent: 0 }}>
              读文章时点文章下方的「☆ 收藏」，文章就会存到这里，没网时也能阅读。
            </Text>
          </View>
        </View>
      ) : null}
      {entries.length ? (
        <View className='pad'>
          <Text className='muted'>共 {entries.length} 篇，保存在本机，没网时也能阅读</Text>
        </View>
      ) : null}
      {entries.map((entry) => (
        <View key={entry.articleId} className='card'>
          <View {...asLink()} onClick={() => openArticle(entry.articleId)}>
            <Text className='h2' {...asHeading(2)}>
              {entry.title}
            </Text>
            <View>
              <Text className='muted'>
                {entry.issueLabel} · {formatIssueDate(entry.date)}
              </Text>
            </View>
          </View>
          <View className='row gap'>
            <Button className='btn small' {...asButton()} aria-label={`阅读《${entry.title}》`} onClick={() => openArticle(entry.articleId)}>
              阅读
            </Button>
            <Button className='btn small' {...asButton()} aria-label={`取消收藏《${entry.title}》`} onClick={() => appStores().favourites.getState().remove(entry.articleId)}>
              取消收藏
            </Button>
          </View>
        </View>
      ))}
    </PageShellContainer>
  )
}
