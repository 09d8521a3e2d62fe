import { Button, View } from './ui'

/** 长辈版: previous/next section as buttons, so no swiping is needed. */
export default function SectionStepper({ names, current, onSelect }: { names: string[]; current: number; onSelect: (index: number) => void }) {
  return (
    <View className='pad row gap stepper'>
      {/* Shown only where they lead somewhere: a greyed-out button is hard to read. */}
      {current > 0 ? (
        <Button className='btn grow' onClick={() => onSelect(current - 1)}>
          ‹ 上一栏目
        </Button>
      ) : null}
      {current < names.length - 1 ? (
        <Button className='btn grow' onClick={() => onSelect(current + 1)}>
          下一栏目 ›
        </Button>
      ) : null}
    </View>
  )
}
