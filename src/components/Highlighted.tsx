import { Text } from './ui'
import type { Range } from '../core/api'
import { highlightRuns } from './highlight-runs'

/** Text with the matched words marked. */
export default function Highlighted({ text, ranges, className }: { text: string; ranges: Range[]; className?: string }) {
  return (
    <Text className={className}>
      {highlightRuns(text, ranges).map((run, i) =>
        run.hit ? (
          <Text key={i} className='mark'>
            {run.text}
          </Text>
        ) : (
          <Text key={i}>{run.text}</Text>
        ),
      )}
    </Text>
  )
}
