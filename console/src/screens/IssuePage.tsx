/**
 * One issue: its facts at the top, then tabs for checking, fixing, previewing, publishing,
 * correcting and its log. Tabs a role may not use are not offered (the server refuses them anyway).
 */
import type { ConsoleEditor, ConsoleIssue } from '@/core/console'
import type { ConsoleApi } from '../api'
import { formatDate, formatTime, STATUS_WORDS } from '../format'
import { hrefOf, type IssueTab } from '../route'
import { useLoad } from './useLoad'
import { CheckView } from './CheckView'
import { FactsView } from './FactsView'
import { PreviewView } from './PreviewView'
import { PublishView } from './PublishView'
import { CorrectionView } from './CorrectionView'
import { AuditTable } from './AuditTable'

interface Props {
  api: ConsoleApi
  editor: ConsoleEditor
  id: number
  tab: IssueTab
}

const TAB_WORDS: Record<IssueTab, string> = { check: '检查与修改', facts: '基本信息', preview: '预览', publish: '签发', correct: '更正', audit: '操作记录' }

export function tabsFor(editor: ConsoleEditor, detail: ConsoleIssue): IssueTab[] {
  const chief = editor.role === 'chief'
  const published = detail.issue.status === 'published'
  return (['check', 'facts', 'preview', 'publish', 'correct', 'audit'] as IssueTab[]).filter((t) => {
    if (t === 'publish') return chief
    if (t === 'correct') return chief && published
    return true
  })
}

export function IssuePage({ api, editor, id, tab }: Props) {
  const [detail, reload] = useLoad(() => api.issue(id), [api, id])
  if (detail.state === 'loading') return <p>正在读取…</p>
  if (detail.state === 'failed') return <p role='alert'>{detail.message}</p>
  const { issue, row } = detail.value
  const tabs = tabsFor(editor, detail.value)
  const shown = tabs.includes(tab) ? tab : 'check'

  return (
    <article className='issue-page' aria-labelledby='issue-heading'>
      <header className='issue-head'>
        <h1 id='issue-heading'>
          {issue.masthead} {issue.label}
        </h1>
        <p className='facts'>
          <span className={`status ${issue.status}`}>{STATUS_WORDS[issue.status]}</span>
          <span>{formatDate(issue.date)}</span>
          <span>{row.articleCount} 篇文章</span>
          <span>整理人：{row.preparedBy ?? '—'}</span>
          {issue.publishedAt && (
            <span>
              签发：{row.publishedBy ?? '—'}，{formatTime(issue.publishedAt)}
            </span>
          )}
        </p>
      </header>
      <nav className='tabs' aria-label='本期'>
        {tabs.map((t) => (
          <a key={t} href={hrefOf({ page: 'issue', id, tab: t })} aria-current={t === shown ? 'page' : undefined}>
            {TAB_WORDS[t]}
          </a>
        ))}
      </nav>
      <div className='tab-body'>
        {shown === 'check' && <CheckView api={api} issue={issue} onChanged={reload} />}
        {shown === 'facts' && <FactsView api={api} issue={issue} onChanged={reload} />}
        {shown === 'preview' && <PreviewView api={api} issue={issue} />}
        {shown === 'publish' && <PublishView api={api} detail={detail.value} onChanged={reload} />}
        {shown === 'correct' && <CorrectionView api={api} issue={issue} onChanged={reload} />}
        {shown === 'audit' && <AuditTable api={api} issueId={id} heading='本期操作记录' />}
      </div>
    </article>
  )
}
