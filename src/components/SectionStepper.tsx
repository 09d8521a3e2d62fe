import { Button, View } from '@tarojs/components'

/** 长辈版: previous/next section as buttons, so no swiping is needed. */
export default function SectionStepper({ names, current, onSelect }: { names: string[]; current: number; onSelect: (index: number) => void }) {
  return (
    <View className='pad row gap stepper'>
      <Button className='btn grow' onClick={() => onSelect(current - 1)} disabled={current === 0 ? true : undefined}>
        ‹ 上一栏目
      </Button>
      <Button className='btn grow' onClick={() => onSelect(current + 1)} disabled={current >= names.length - 1 ? true : undefined}>
        下一栏目 ›
      </Button>
    </View>
  )
}
