import { useState } from 'react'
import ListenPanel, { type SleepOption } from '../components/ListenPanel'
import type { ReadingPlan } from '../core/speech/reading-plan'
import { appStores } from '../stores/app-stores'
import { useApp } from '../stores/hooks'
import { RATES } from '../stores/player-store'

/** 听全文 for this page's article or issue: the plan is built on the first tap. */
export default function ListenContainer({ origin, plan }: { origin: ReadingPlan['origin']; plan: () => ReadingPlan }) {
  const player = useApp('player', (s) => s)
  const [message, setMessage] = useState<string | null>(null)
  const active = !!player.plan && player.plan.origin.kind === origin.kind && player.plan.origin.id === origin.id
  const onListen = async () => {
    const available = await appStores().speech.check()
    if (!available.ok) return setMessage(available.message)
    setMessage(null)
    appStores().player.getState().start(plan())
  }
  const item = active ? player.plan!.items[player.position.item] : undefined
  const count = active ? player.plan!.items.length : 0
  const where = item && count > 1 ? `第 ${player.position.item + 1} / ${count} 条 · ${item.section ?? ''} · ${item.title}` : null
  const sleep: SleepOption = player.sleep ? (player.sleep.kind === 'article' ? 'article' : (player.sleep.minutes as SleepOption)) : null
  return (
    <ListenPanel
      active={active}
      playing={player.status === 'playing'}
      where={where}
      sentence={item?.utterances[player.position.utterance]?.text ?? null}
      rate={player.rate}
      rates={RATES}
      sleep={sleep}
      message={active && player.status === 'error' ? player.error : message}
      steps={count > 1}
      onListen={() => void onListen()}
      onToggle={player.toggle}
      onPrevious={player.previous}
      onNext={player.next}
      onRate={player.setRate}
      onSleep={player.setSleep}
      onStop={player.stop}
    />
  )
}

/** Where the reader is in this article, when the player is reading it (alone or within its issue). */
export function useReadingMark(articleId: number | null): { paragraph: number; start: number; end: number } | null {
  // A string, so that the selector's answer compares equal while the mark stays put.
  const key = useApp('player', (s) => {
    if (!s.plan || s.status === 'idle' || articleId === null) return ''
    const item = s.plan.items[s.position.item]
    if (!item || item.kind !== 'article' || item.id !== articleId) return ''
    const u = item.utterances[s.position.utterance]
    return u && u.paragraph !== null ? `${u.paragraph}:${u.start}:${u.end}` : ''
  })
  if (!key) return null
  const [paragraph, start, end] = key.split(':').map(Number)
  return { paragraph, start, end }
}
