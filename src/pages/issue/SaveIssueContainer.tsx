import SaveIssueBar, { type SaveIssueStatus } from '../../components/SaveIssueBar'
import type { IssueDetail } from '../../core/api'
import { appStores } from '../../stores/app-stores'
import { useApp } from '../../stores/hooks'

/** 保存本期 for the issue on screen, wired to the saved-issues store. */
export default function SaveIssueContainer({ issue }: { issue: IssueDetail }) {
  const saved = useApp('savedIssues', (s) => s.saved[issue.id])
  const progress = useApp('savedIssues', (s) => s.progress[issue.id])
  // Saved in an earlier launch: no progress in memory, the record says how it went.
  const status: SaveIssueStatus =
    progress && (progress.kind !== 'saved' || saved) ? progress : saved ? { kind: 'saved', missingPictures: saved.missingPictures } : { kind: 'not-saved' }
  return (
    <SaveIssueBar status={status} onSave={() => void appStores().savedIssues.getState().save(issue)} onUnsave={() => void appStores().savedIssues.getState().unsave(issue.id)} />
  )
}
