import { Button, Text, View } from '@tarojs/components'
import { asButton, asHeading } from './a11y'

/** Shown when what is on screen came from the device, not the server. */
export function OfflineBanner({ show }: { show: boolean }) {
  if (!show) return null
  return (
    <View className='banner' aria-live='polite'>
      <Text>内容来自本机（网络不通时显示已保存的内容）</Text>
    </View>
  )
}

/** Never a blank page: what went wrong, in words, and a way to try again. */
export function ErrorView({ message, onRetry, retryLabel = '重新加载', onHome }: { message: string; onRetry: () => void; retryLabel?: string; onHome?: () => void }) {
  return (
    <View className='error' role='alert'>
      <Text className='error-text' {...asHeading(2)}>
        {message}
      </Text>
      <Button className='btn primary' {...asButton()} onClick={onRetry}>
        {retryLabel}
      </Button>
      {onHome ? (
        <Button className='btn' style={{ marginTop: '12PX' }} {...asButton()} onClick={onHome}>
          返回首页
        </Button>
      ) : null}
    </View>
  )
}

/** Grey bars in the shape of the content, while it loads. */
export function Skeleton({ lines = 6 }: { lines?: number }) {
  return (
    <View className='skeleton' aria-busy='true'>
      <Text className='muted'>正在加载…</Text>
      {Array.from({ length: lines }, (_, i) => (
        <View key={i} className='skeleton-line' style={{ width: `${60 + ((i * 37) % 40)}%` }} />
      ))}
    </View>
  )
}
