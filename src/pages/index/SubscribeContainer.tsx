import { useEffect, useState } from 'react'
import SubscribeButton from '../../components/SubscribeButton'
import SubscribeCodeDialog from '../../components/SubscribeCodeDialog'
import { cardUrls } from '../../services/api'
import { listenForEscape } from '../../services/keyboard'
import { isH5, isSinglePageMode, isWeapp, wechatSubscribe } from '../../services/platform'
import { startSubscribe } from '../../services/subscribe'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'

/**
 * Asks WeChat for one new-issue message and tells the server what the member answered. In H5 (no
 * subscribe messages there) it shows the mini-program's code to subscribe in WeChat instead. Hidden
 * without a template id and in single-page mode.
 */
export default function SubscribeContainer() {
  const templateId = useApp('config', (s) => s.templateId)
  const [message, setMessage] = useState<string | null>(null)
  const [showCode, setShowCode] = useState(false)
  useEffect(() => void appStores().config.getState().load(), [])
  useEffect(() => (showCode ? listenForEscape(() => setShowCode(false)) : undefined), [showCode])
  if (!templateId || isSinglePageMode()) return null
  if (isH5)
    return (
      <>
        <SubscribeButton message={null} onSubscribe={() => setShowCode(true)} />
        {showCode ? <SubscribeCodeDialog codeUrl={cardUrls(API_BASE).homeCode()} onClose={() => setShowCode(false)} /> : null}
      </>
    )
  if (!isWeapp) return null

  // No await before startSubscribe: WeChat only shows its dialog from the tap itself.
  const onSubscribe = () =>
    startSubscribe(wechatSubscribe, [templateId], (outcome, id) => {
      setMessage(outcome.message)
      if (!outcome.result) return
      const { session, api } = appStores()
      void session
        .getState()
        .ensureSignedIn()
        .then((token) => {
          if (!token) return setMessage(outcome.message + '（暂未连上服务器，稍后会再试）')
          return api.recordSubscription(id, outcome.result!).catch(() => setMessage('订阅结果没能告诉服务器，请稍后再点一次。'))
        })
    })

  return <SubscribeButton message={message} onSubscribe={onSubscribe} />
}
