import { Text, View } from './ui'
import type { SearchHit } from '../core/api'
import { formatIssueDate, plainSectionName } from './format'
import Highlighted from './Highlighted'
import { asHeading, asLink } from './a11y'

/** Search results with the matched words marked; tap opens the article (or the brief's section). */
export default function SearchResultsList({
  hits,
  total,
  onOpen,
  onDevice = false,
}: {
  hits: SearchHit[]
  total: number
  onOpen: (hit: SearchHit) => void
  /** Found in what is on the phone (no network), not in the whole archive. */
  onDevice?: boolean
}) {
  if (!hits.length)
    return (
      <View className='pad'>
        <Text>{onDevice ? '手机上保存的内容里没有找到，换个字词试试。' : '没有找到相关内容，换个字词试试。'}</Text>
      </View>
    )
  return (
    <View>
      <View className='pad'>
        <Text className='muted'>{onDevice ? `在手机上找到 ${total} 条${total > hits.length ? `，下面是最相关的 ${hits.length} 条` : ''}` : `共找到 ${total} 条`}</Text>
      </View>
      {hits.map((hit) => (
        <View key={`${hit.kind}-${hit.itemId}`} className='card' {...asLink()} onClick={() => onOpen(hit)}>
          <View {...asHeading(2)}>
            <Highlighted className='h2' text={hit.title} ranges={hit.titleRanges} />
          </View>
          <View>
            <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
          </View>
          <Text className='muted'>
            {hit.issueLabel} · {plainSectionName(hit.section)} · {formatIssueDate(hit.date)}
          </Text>
        </View>
      ))}
    </View>
  )
}
