import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import PageShell from '../../components/PageShell'
import { formatIssueDate } from '../../services/format'
import { open } from '../../services/platform'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'

/** Favourites: kept on this phone (readable offline) and synced when signed in. */
export default function FavouritesPage() {
  const entries = useApp('favourites', (s) => s.entries)
  const syncError = useApp('favourites', (s) => s.syncError)
  useDidShow(() => void appStores().favourites.getState().sync())

  return (
    <PageShell>
      {syncError ? <View className='banner'><Text>暂时连不上服务器，显示的是本机保存的收藏。</Text></View> : null}
      {!entries.length ? (
        <View className='pad'><Text>还没有收藏。在文章下方点「☆ 收藏」，没网时也能在这里阅读。</Text></View>
      ) : null}
      {entries.map((entry) => (
        <View key={entry.articleId} className='card'>
          <View onClick={() => open(`/pages/article/index?id=${entry.articleId}`)}>
            <Text className='h2'>{entry.title}</Text>
            <View><Text className='muted'>{entry.issueLabel} · {formatIssueDate(entry.date)}</Text></View>
          </View>
          <View className='row gap'>
            <Button className='btn small' onClick={() => open(`/pages/article/index?id=${entry.articleId}`)}>阅读</Button>
            <Button className='btn small' onClick={() => appStores().favourites.getState().remove(entry.articleId)}>取消收藏</Button>
          </View>
        </View>
      ))}
    </PageShell>
  )
}
