import { useRouter } from '@tarojs/taro'
import { MiniPlayerBar } from '../components/ListenPanel'
import { openArticle, openIssue } from '../services/platform'
import { useApp } from '../stores/hooks'

/** While 听全文 goes on, every other page shows a small bar to return to it or stop it. */
export default function MiniPlayerContainer() {
  const router = useRouter()
  const player = useApp('player', (s) => s)
  const plan = player.plan
  if (!plan || player.status === 'idle') return null
  const here = router.path.includes(`/${plan.origin.kind}/`) && Number(router.params.id) === plan.origin.id
  if (here) return null
  const back = () => (plan.origin.kind === 'article' ? openArticle(plan.origin.id) : openIssue(plan.origin.id))
  return <MiniPlayerBar title={plan.title} playing={player.status === 'playing'} onReturn={back} onToggle={player.toggle} onStop={player.stop} />
}
