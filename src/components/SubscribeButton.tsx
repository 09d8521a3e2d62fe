import { Button, Text, View } from './ui'
import { asButton } from './a11y'

/** "订阅新一期": the button, and what became of the last tap underneath it. */
export default function SubscribeButton({ message, onSubscribe }: { message: string | null; onSubscribe: () => void }) {
  return (
    <View className='pad'>
      <Button className='btn primary' {...asButton()} onClick={onSubscribe}>
        订阅新一期提醒
      </Button>
      {message ? <Text className='muted'>{message}</Text> : null}
    </View>
  )
}
