import { Text, View } from '@tarojs/components'
import type { ArticleDetail } from '../core/api'
import { formatIssueDate, plainSectionName, sourceLine } from './format'
import { asHeading } from './a11y'
import Highlighted from './Highlighted'
import { termRanges } from './highlight-runs'

/** Title, where it comes from, and the paragraphs: large type, selectable for copying; `highlight` (the search term) marked. */
export default function ArticleBody({ detail, highlight = '' }: { detail: ArticleDetail; highlight?: string }) {
  const { article, issue, section } = detail
  return (
    <View className='article'>
      <Text className='muted'>
        {issue.masthead} {issue.label} · {plainSectionName(section)}
      </Text>
      <View>
        <Text className='title' userSelect selectable {...asHeading(1)}>
          {article.title}
        </Text>
      </View>
      <View style={{ margin: '6PX 0 16PX' }}>
        <Text className='muted'>
          {formatIssueDate(issue.date)}
          {article.source ? `　${sourceLine(article.source)}` : ''}
        </Text>
      </View>
      {article.paragraphs.map((p, i) =>
        highlight && p.includes(highlight) ? (
          <View key={i} className='para'>
            <Highlighted text={p} ranges={termRanges(p, highlight)} />
          </View>
        ) : (
          <Text key={i} className='para' userSelect selectable>
            {p}
          </Text>
        ),
      )}
    </View>
  )
}
