import { Button, Text, View } from './ui'

/**
 * Asks the member to agree to the 用户隐私保护指引 before WeChat lets the app save to the album.
 * The agree button must be WeChat's own (openType='agreePrivacyAuthorization', with the id the page
 * gives WeChat); declining lets the held call fail, and the page says what that means.
 */
export default function PrivacyPopup({
  agreeButtonId,
  onAgree,
  onDisagree,
  onOpenGuide,
}: {
  agreeButtonId: string
  onAgree: () => void
  onDisagree: () => void
  onOpenGuide: () => void
}) {
  return (
    <View className='privacy-mask'>
      <View className='privacy-box' role='dialog' aria-label='用户隐私保护指引'>
        <Text className='privacy-title'>用户隐私保护指引</Text>
        <Text className='privacy-text'>保存海报要把图片写入您的相册（仅写入，不读取）。请先阅读并同意</Text>
        <Text className='privacy-link' onClick={onOpenGuide}>
          《工会信息用户隐私保护指引》
        </Text>
        <View className='row gap'>
          <Button className='btn' onClick={onDisagree}>
            不同意
          </Button>
          <Button id={agreeButtonId} className='btn primary' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}>
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
