import { Text, View } from '@tarojs/components'
import type { SearchHit } from '../core/api'
import { formatIssueDate, plainSectionName } from './format'
import Highlighted from './Highlighted'
import { asHeading, asLink } from './a11y'

/** Search results with the matched words marked; tap opens the article (or the brief's section). */
export default function SearchResultsList({ hits, total, onOpen }: { hits: SearchHit[]; total: number; onOpen: (hit: SearchHit) => void }) {
  if (!hits.length)
    return (
      <View className='pad'>
        <Text>没有找到相关内容，换个字词试试。</Text>
      </View>
    )
  return (
    <View>
      <View className='pad'>
        <Text className='muted'>共找到 {total} 条</Text>
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
