import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { appStores } from '../stores/app-stores'
import { useApp } from '../stores/hooks'
import { isSinglePageMode, isWeapp } from '../services/platform'
import { startSubscribe, type SubscribeApi } from '../services/subscribe'

/**
 * "订阅新一期": asks WeChat for one new-issue message. Hidden without a template id, in H5 (no
 * subscribe messages there) and in single-page mode.
 */
const wechatSubscribe: SubscribeApi = {
  requestSubscribeMessage: (options) => Taro.requestSubscribeMessage(options as Parameters<typeof Taro.requestSubscribeMessage>[0]),
}

export default function SubscribeButton() {
  const templateId = useApp('config', (s) => s.templateId)
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => void appStores().config.getState().load(), [])
  if (!isWeapp || !templateId || isSinglePageMode()) return null

  // No await before startSubscribe: WeChat only shows its dialog from the tap itself.
  const onTap = () =>
    startSubscribe(wechatSubscribe, [templateId], (outcome, id) => {
      setMessage(outcome.message)
      if (!outcome.result) return
      const { session, api } = appStores()
      void session.getState().ensureSignedIn().then((token) => {
        if (!token) return setMessage(outcome.message + '（暂未连上服务器，稍后会再试）')
        return api.recordSubscription(id, outcome.result!).catch(() => setMessage('订阅结果没能告诉服务器，请稍后再点一次。'))
      })
    })

  return (
    <View className='pad'>
      <Button className='btn primary' onClick={onTap}>订阅新一期提醒</Button>
      {message ? <Text className='muted'>{message}</Text> : null}
    </View>
  )
}
