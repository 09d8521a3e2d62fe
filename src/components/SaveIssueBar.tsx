import { Button, Text, View } from './ui'
import { asButton } from './a11y'

/** Where saving this issue stands, as the page's store tells it (stores/saved-issues-store.ts). */
export type SaveIssueStatus =
  { kind: 'not-saved' } | { kind: 'saving'; done: number; total: number } | { kind: 'saved'; missingPictures: number } | { kind: 'failed'; reason: 'space' } | { kind: 'removed' }

/** The words for each state: what is happening or happened, and what the member can do. */
export function saveIssueWords(status: SaveIssueStatus): string {
  switch (status.kind) {
    case 'not-saved':
      return '存到手机上，没有网络也能读，图片也在'
    case 'saving':
      return status.total > 0 ? `正在保存… 图片 ${status.done} / ${status.total}` : '正在保存…'
    case 'saved':
      return status.missingPictures > 0
        ? `文字已保存到手机，没有网络也能读；有 ${status.missingPictures} 张图片没能保存（网络不好），有网络时点「重新保存」`
        : '已保存到手机，没有网络也能读'
    case 'failed':
      return '手机上的空间不够，没能保存。可以先取消保存别的期刊，再试一次'
    case 'removed':
      return '已取消保存，手机上的空间已经腾出来了'
  }
}

/** 保存本期 on the issue page: save, the progress in words, and 取消保存 once saved. */
export default function SaveIssueBar({ status, onSave, onUnsave }: { status: SaveIssueStatus; onSave: () => void; onUnsave: () => void }) {
  const saved = status.kind === 'saved'
  const saving = status.kind === 'saving'
  const incomplete = saved && status.missingPictures > 0
  return (
    <View className={`save-bar${saved ? ' saved' : ''}`}>
      <View className='save-bar-words' role='status' aria-live='polite'>
        <Text className={saved ? '' : 'muted'}>
          {saved && !incomplete ? '✓ ' : ''}
          {saveIssueWords(status)}
        </Text>
      </View>
      <View className='row gap'>
        {saved && !incomplete ? null : (
          <Button className='btn primary' {...asButton()} aria-disabled={saving} disabled={saving ? true : undefined} onClick={onSave}>
            {saving ? '正在保存…' : incomplete ? '重新保存' : '保存本期'}
          </Button>
        )}
        {saved ? (
          <Button className='btn' {...asButton()} onClick={onUnsave}>
            取消保存
          </Button>
        ) : null}
      </View>
    </View>
  )
}
