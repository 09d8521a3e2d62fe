import { Text, View } from './ui'
import { asHeading } from './a11y'
import { formatIssueDate } from './format'

/** The bulletin's red masthead: name, issue label, publisher, date. The name is the page's first heading unless `level` says otherwise. */
export default function Masthead(props: { masthead: string; label?: string; publisher?: string | null; date?: string; level?: 1 | 2 }) {
  return (
    <View className='masthead'>
      <Text className='masthead-name' {...asHeading(props.level ?? 1)}>
        {props.masthead}
      </Text>
      {props.label ? (
        <View>
          <Text className='masthead-meta'>{props.label}</Text>
        </View>
      ) : null}
      {props.publisher ? (
        <View>
          <Text className='masthead-meta'>{props.publisher}</Text>
        </View>
      ) : null}
      {props.date ? (
        <View>
          <Text className='masthead-meta'>{formatIssueDate(props.date)}</Text>
        </View>
      ) : null}
    </View>
  )
}
