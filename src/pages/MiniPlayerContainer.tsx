import { View } from '../components/ui'
import { useRouter } from '@tarojs/taro'
import { MiniPlayerBar } from '../components/ListenPanel'
import { openArticle, openIssue } from '../services/platform'
import { useApp } from '../stores/hooks'

/**
 * While 听全文 goes on, every other page shows a small bar to return to it or stop it. Either that
 * bar or the reading page's docked controls lie over the bottom of the screen, so the page ends with
 * room for them: its last lines and buttons can always be scrolled above them.
 */
export default function MiniPlayerContainer() {
  const router = useRouter()
  const player = useApp('player', (s) => s)
  const plan = player.plan
  if (!plan || player.status === 'idle') return null
  // The reading page by either address: the page path (/pages/article/index) or the H5 path URL (/articles/2).
  const kind = plan.origin.kind
  const onItsPage = router.path.includes(`/pages/${kind}/`) || router.path.startsWith(`/${kind}s/`)
  const here = onItsPage && Number(router.params.id) === plan.origin.id
  if (here) return <View className='player-space dock-space' />
  const back = () => (plan.origin.kind === 'article' ? openArticle(plan.origin.id) : openIssue(plan.origin.id))
  return (
    <>
      <View className='player-space' />
      <MiniPlayerBar title={plan.title} playing={player.status === 'playing'} onReturn={back} onToggle={player.toggle} onStop={player.stop} />
    </>
  )
}
