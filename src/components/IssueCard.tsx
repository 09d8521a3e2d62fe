import { Text, View } from './ui'
import type { IssueSummary } from '../core/api'
import { asHeading, asLink } from './a11y'
import { firstTitles, formatIssueDate } from './format'

/** One issue in the home list: label, date, its first titles; marked while unread, and when saved on the phone. */
export default function IssueCard({ issue, unread, saved = false, onOpen }: { issue: IssueSummary; unread: boolean; saved?: boolean; onOpen: (id: number) => void }) {
  return (
    <View className='card issue-card' {...asLink()} onClick={() => onOpen(issue.id)} hoverClass='none'>
      <View className='row'>
        <Text className='h2 accent' {...asHeading(2)}>
          {issue.label}
        </Text>
        {unread ? <Text className='new-mark'>未读</Text> : null}
        {saved ? <Text className='saved-mark'>已保存</Text> : null}
      </View>
      <Text className='muted'>{formatIssueDate(issue.date)}</Text>
      {firstTitles(issue.contents).map((title, i) => (
        <Text key={i} className='contents-line'>
          · {title}
        </Text>
      ))}
    </View>
  )
}
