import { Button, View } from './ui'

/**
 * After the member refused the album, WeChat never asks again: only its settings page brings the
 * permission back, and only from WeChat's own button (openType='openSetting').
 */
export default function AlbumPermission({ onOpened }: { onOpened: (allowed: boolean) => void }) {
  return (
    <View className='pad'>
      <Button
        className='btn'
        openType='openSetting'
        onOpenSetting={(e) => onOpened(Boolean((e.detail as { authSetting?: Record<string, boolean> }).authSetting?.['scope.writePhotosAlbum']))}
      >
        去设置：允许保存到相册
      </Button>
    </View>
  )
}
