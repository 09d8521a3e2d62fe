import { Button, Text, View } from './ui'
import { useState } from 'react'

export type SleepOption = 15 | 30 | 60 | 'article' | null

export interface ListenPanelProps {
  /** Whether this page's text is the one the player holds. */
  active: boolean
  playing: boolean
  /** 第 3 / 12 条 · 工作交流 · title */
  where: string | null
  /** The sentence being heard. */
  sentence: string | null
  rate: number
  rates: readonly number[]
  sleep: SleepOption
  /** Why it cannot read aloud here (no voice, an engine error), in plain words. */
  message: string | null
  /** More than one item: previous/next step between them. */
  steps: boolean
  onListen: () => void
  onToggle: () => void
  onPrevious: () => void
  onNext: () => void
  onRate: (rate: number) => void
  onSleep: (sleep: SleepOption) => void
  onStop: () => void
}

const SLEEPS: Array<[SleepOption, string]> = [
  [null, '不定时'],
  [15, '15分钟'],
  [30, '30分钟'],
  [60, '60分钟'],
  ['article', '读完本篇'],
]
const rateName = (r: number) => `${r}×`

/** 听全文: the button, and once reading, play/pause, previous/next, speed and the sleep timer. */
export default function ListenPanel(p: ListenPanelProps) {
  // Speed and the sleep timer are the dock's secondary controls: folded away until asked for.
  const [more, setMore] = useState(false)
  if (!p.active)
    return (
      <View className='listen pad'>
        <Button className='btn primary listen-start' onClick={p.onListen}>
          听全文
        </Button>
        {p.message ? (
          <Text className='listen-message' aria-live='polite'>
            {p.message}
          </Text>
        ) : null}
      </View>
    )
  // Reading: the controls dock at the bottom of the screen, over the page, and the button's place
  // keeps its height, so the text the member is reading does not move when they open.
  return (
    <View className='listen pad'>
      <View className='btn listen-start listen-on' aria-live='polite'>
        <Text>{p.playing ? '正在朗读…' : '已暂停'}</Text>
      </View>
      <View className='listen-dock' aria-label='听全文'>
        {p.where && !more ? <Text className='muted listen-where'>{p.where}</Text> : null}
        {p.sentence && !more ? <Text className='listen-sentence'>{p.sentence}</Text> : null}
        {p.message ? (
          <Text className='listen-message' aria-live='polite'>
            {p.message}
          </Text>
        ) : null}
        {more ? (
          // Speed and timer take the transport's place rather than stacking under it: on a small
          // phone in 长辈版 both at once would run past the screen's lower edge.
          <View className='listen-options'>
            <View className='listen-options-head'>
              <Text className='listen-label'>语速</Text>
              <Button className='btn small listen-more listen-done' onClick={() => setMore(false)} aria-expanded>
                完成
              </Button>
            </View>
            <View className='listen-grid'>
              {p.rates.map((r) => (
                <Button key={r} className={`btn small${r === p.rate ? ' primary' : ''}`} onClick={() => p.onRate(r)} aria-pressed={r === p.rate}>
                  {rateName(r)}
                </Button>
              ))}
            </View>
            <Text className='listen-label'>定时</Text>
            <View className='listen-grid listen-grid-sleep'>
              {SLEEPS.map(([value, name]) => (
                <Button key={name} className={`btn small${value === p.sleep ? ' primary' : ''}`} onClick={() => p.onSleep(value)} aria-pressed={value === p.sleep}>
                  {name}
                </Button>
              ))}
            </View>
          </View>
        ) : (
          <View>
            <View className='row gap'>
              {p.steps ? (
                <Button className='btn' onClick={p.onPrevious}>
                  ‹ 上一条
                </Button>
              ) : null}
              <Button className='btn primary grow listen-toggle' onClick={p.onToggle} aria-pressed={p.playing}>
                {p.playing ? '❚❚ 暂停' : '▶ 继续'}
              </Button>
              {p.steps ? (
                <Button className='btn' onClick={p.onNext}>
                  下一条 ›
                </Button>
              ) : null}
            </View>
            <View className='row gap'>
              <Button className='btn small' onClick={p.onStop}>
                ■ 停止朗读
              </Button>
              <Button className='btn small listen-more' onClick={() => setMore(true)} aria-expanded={false}>
                {`语速与定时 · ${rateName(p.rate)}${p.sleep === null ? '' : ' · 定时'}`}
              </Button>
            </View>
          </View>
        )}
      </View>
    </View>
  )
}

/** On other pages while reading goes on: what is being read, back to it, or stop. */
export function MiniPlayerBar({ title, playing, onReturn, onToggle, onStop }: { title: string; playing: boolean; onReturn: () => void; onToggle: () => void; onStop: () => void }) {
  return (
    <View className='mini-player row'>
      <View className='grow mini-player-title' onClick={onReturn}>
        <Text>{playing ? '正在朗读：' : '已暂停：'}</Text>
        <Text>{title}</Text>
      </View>
      <Button className='btn small' onClick={onToggle}>
        {playing ? '暂停' : '继续'}
      </Button>
      <Button className='btn small' onClick={onReturn}>
        返回
      </Button>
      <Button className='btn small' onClick={onStop}>
        停止
      </Button>
    </View>
  )
}
