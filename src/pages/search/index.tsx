import { Input, Text, View } from '../../components/ui'
import { useLoad, useReachBottom, useRouter, useUnload } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import SearchResultsList from '../../components/SearchResultsList'
import TopBar from '../../components/TopBar'
import { asButton, asHeading } from '../../components/a11y'
import { DeviceResultsNote, ErrorView } from '../../components/StatusViews'
import { focusInputOnOpen, goBack, goHome, openArticle, openIssue, showsOwnTopBar } from '../../services/platform'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'
import PageShellContainer from '../PageShellContainer'
import { createDebouncer, sectionOptions, shownYears, yearOptions } from './debounce'

/** Search as you type, with recent searches and year/section filters. */
export default function SearchPage() {
  const router = useRouter()
  const s = useApp('search', (state) => state)
  // Select the stable list, derive outside: a selector returning a new array each time loops zustand.
  const issues = useApp('issueList', (state) => state.items)
  // The archive's own years and sections (the server's), with those of the issues the phone has
  // (offline, or before the server has answered).
  const years = useMemo(() => yearOptions([...(s.filters?.years ?? []), ...issues.map((i) => i.year)]), [issues, s.filters])
  const sections = useMemo(() => sectionOptions([...issues.flatMap((i) => i.contents.map((c) => c.name)), ...(s.filters?.sections ?? [])]), [issues, s.filters])
  // A long archive has a year for each of twenty: the newest few, and the rest when asked for.
  const [allYears, setAllYears] = useState(false)
  const offeredYears = shownYears(years, s.year)
  const debouncer = useMemo(() => createDebouncer((q: string) => void appStores().search.getState().search(q), 350), [])

  useLoad(() => {
    if (!appStores().issueList.getState().items.length) void appStores().issueList.getState().refresh()
    void appStores().search.getState().loadFilters()
    const q = router.params.q ? decodeURIComponent(router.params.q) : ''
    if (q) void appStores().search.getState().search(q)
  })
  useUnload(() => debouncer.cancel())
  useReachBottom(
    () =>
      void appStores()
        .search.getState()
        .loadMore()
        .catch(() => undefined),
  )

  const runNow = (q: string) => {
    debouncer.cancel()
    appStores().search.getState().remember(q)
    void appStores().search.getState().search(q)
  }

  return (
    <PageShellContainer>
      {showsOwnTopBar ? <TopBar title='搜索' onBack={goBack} onHome={goHome} /> : null}
      <View className='pad'>
        <Input
          className='input'
          type='text'
          confirmType='search'
          placeholder='输入要找的字词，如：毕节'
          value={s.query}
          nativeProps={{ 'aria-label': '搜索字词' }}
          // Not while the page slides in (H5): the browser would scroll the sliding page to the box.
          focus={focusInputOnOpen}
          onInput={(e) => {
            appStores().search.setState({ query: e.detail.value })
            debouncer.call(e.detail.value)
          }}
          onConfirm={(e) => runNow(e.detail.value)}
        />
      </View>
      <View className='pad row' role='group' aria-label='按年份'>
        <View className={`chip${s.year === null ? ' on' : ''}`} {...asButton(s.year === null)} onClick={() => void s.setFilters({ year: null })}>
          <Text>全部年份</Text>
        </View>
        {(allYears ? years : offeredYears).map((y) => (
          <View key={y} className={`chip${s.year === y ? ' on' : ''}`} {...asButton(s.year === y)} onClick={() => void s.setFilters({ year: y })}>
            <Text>{y}年</Text>
          </View>
        ))}
        {years.length > offeredYears.length ? (
          // Stays where it is (and keeps the keyboard's focus) when the older years appear before it.
          <View key='more' className='chip' {...asButton()} aria-expanded={allYears} onClick={() => setAllYears(!allYears)}>
            <Text>{allYears ? '收起年份' : '更早年份'}</Text>
          </View>
        ) : null}
      </View>
      <View className='pad row' style={{ paddingTop: 0 }} role='group' aria-label='按栏目'>
        <View className={`chip${s.section === null ? ' on' : ''}`} {...asButton(s.section === null)} onClick={() => void s.setFilters({ section: null })}>
          <Text>全部栏目</Text>
        </View>
        {sections.map((name) => (
          <View key={name} className={`chip${s.section === name ? ' on' : ''}`} {...asButton(s.section === name)} onClick={() => void s.setFilters({ section: name })}>
            <Text>{name}</Text>
          </View>
        ))}
      </View>
      {!s.query.trim() && s.recent.length ? (
        <View className='pad'>
          <View className='row'>
            <Text className='muted grow' {...asHeading(2)}>
              最近搜索
            </Text>
            <View className='chip' {...asButton()} onClick={() => s.clearRecent()}>
              <Text>清除</Text>
            </View>
          </View>
          <View className='row'>
            {s.recent.map((r) => (
              <View key={r} className='chip' {...asButton()} onClick={() => runNow(r)}>
                <Text>{r}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {s.status === 'loading' ? (
        <View className='pad'>
          <Text className='muted'>正在搜索…</Text>
        </View>
      ) : null}
      {s.status === 'error' ? <ErrorView message={s.error ?? ''} onRetry={() => runNow(s.query)} /> : null}
      {s.status === 'ready' && s.source === 'device' ? <DeviceResultsNote searched={s.searchedOnDevice} /> : null}
      {s.status === 'ready' && (s.source === 'server' || s.searchedOnDevice > 0) ? (
        <SearchResultsList
          hits={s.hits}
          total={s.total}
          onDevice={s.source === 'device'}
          onOpen={(hit) => {
            appStores().search.getState().remember(s.query)
            if (hit.kind === 'article') openArticle(hit.itemId, s.query.trim())
            else openIssue(hit.issueId, hit.section, hit.itemId)
          }}
        />
      ) : null}
    </PageShellContainer>
  )
}
