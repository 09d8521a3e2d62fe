import { ScrollView, Text, View } from './ui'
import { asButton } from './a11y'

/** Where you are in the issue: one tab per reader page; tap to jump. */
export default function SectionTabs({ names, current, onSelect }: { names: string[]; current: number; onSelect: (index: number) => void }) {
  return (
    <ScrollView scrollX className='tabs' scrollIntoView={`tab-${current}`} enhanced showScrollbar={false}>
      <View className='row' style={{ flexWrap: 'nowrap' }}>
        {names.map((name, i) => (
          <View key={name + i} id={`tab-${i}`} className={`tab${i === current ? ' on' : ''}`} {...asButton(i === current)} onClick={() => onSelect(i)}>
            <Text>{name}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
