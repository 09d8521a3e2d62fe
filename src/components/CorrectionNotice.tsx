import { Text, View } from './ui'
import type { Correction } from '../core/bulletin'
import { formatCorrectionDate } from './format'

/** Under a corrected article: "本文已于 2026年12月1日 更正：…", one line per correction, oldest first. */
export default function CorrectionNotice({ corrections }: { corrections: Correction[] }) {
  if (corrections.length === 0) return null
  return (
    <View className='correction' role='note' aria-label='更正说明'>
      {corrections.map((c, i) => (
        <Text key={i} className='correction-line' userSelect selectable>
          {`本文已于 ${formatCorrectionDate(c.at)} 更正：${c.note}`}
        </Text>
      ))}
    </View>
  )
}
