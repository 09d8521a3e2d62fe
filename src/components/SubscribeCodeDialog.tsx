import { Button, Image, Text, View } from './ui'
import { asButton, asHeading } from './a11y'

/**
 * H5's "订阅新一期": a browser has no WeChat subscribe messages, so the mini-program's code to scan
 * and how to subscribe there. Closed by its button (or Escape, which the container listens for).
 */
export default function SubscribeCodeDialog({ codeUrl, onClose }: { codeUrl: string; onClose: () => void }) {
  return (
    <View className='dialog-backdrop'>
      <View className='dialog' role='dialog' aria-modal='true' aria-labelledby='subscribe-code-title'>
        <Text id='subscribe-code-title' className='h2' {...asHeading(2)}>
          在微信小程序里订阅
        </Text>
        <Image className='subscribe-code' src={codeUrl} mode='aspectFit' ariaLabel='工会信息小程序码' nativeProps={{ alt: '工会信息小程序码' }} />
        <Text className='para'>用微信扫码，打开小程序后点“订阅新一期”。</Text>
        <Button className='btn primary' {...asButton()} onClick={onClose}>
          关闭
        </Button>
      </View>
    </View>
  )
}
