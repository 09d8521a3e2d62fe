import { Button, Text, View } from './ui'
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

/**
 * An issue or article that is not on the phone, opened with no network: what happened, in plain
 * words, and the two ways on: home (which lists what is on the phone) and trying again.
 */
export function NotOnPhoneView({ what, onHome, onRetry }: { what: 'issue' | 'article'; onHome: () => void; onRetry: () => void }) {
  return (
    <View className='error not-on-phone' role='alert'>
      <Text className='error-text h2' {...asHeading(2)}>
        没有网络，{what === 'issue' ? '这一期' : '这一篇'}还没有保存到手机上
      </Text>
      <Text className='error-detail'>连上网络后就能打开。想以后没网也能读，可以在期刊页点「保存本期」。</Text>
      <Button className='btn primary' {...asButton()} onClick={onHome}>
        返回首页
      </Button>
      <Button className='btn' style={{ marginTop: '12PX' }} {...asButton()} onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

/**
 * Home with no network: it says so, and that the issues marked 已保存 read in full; the list below
 * is what is on the phone. A button to look again once the network is back.
 */
export function OfflineHomeNote({ savedCount, onRetry }: { savedCount: number; onRetry: () => void }) {
  return (
    <View className='banner offline-home' role='status' aria-live='polite'>
      <Text className='offline-home-words'>
        {savedCount > 0
          ? `没有网络。下面是手机上的期刊，标着「已保存」的 ${savedCount} 期可以完整阅读。`
          : '没有网络，显示的是手机上的内容。点期刊里的「保存本期」，以后没网也能读。'}
      </Text>
      <Button className='btn small' {...asButton()} onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

/** Search results from the phone, not the server: said before the results, so nobody takes them for the whole archive. */
export function DeviceResultsNote({ searched }: { searched: number }) {
  return (
    <View className='hint' role='status'>
      <Text>
        {searched > 0
          ? '没有网络：下面只是手机上已保存内容里的结果，不是全部期刊。连上网络后再搜，可以找遍全部期刊。'
          : '没有网络，手机上也还没有保存的期刊，暂时搜不了。连上网络后再试。'}
      </Text>
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
