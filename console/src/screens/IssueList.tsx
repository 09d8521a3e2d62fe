/** Drafts and published issues, newest first, with who prepared and who published each. */
import type { ConsoleIssueRow } from '@/core/console'
import type { ConsoleApi } from '../api'
import { formatDate, formatTime, STATUS_WORDS } from '../format'
import { hrefOf } from '../route'
import { useLoad } from './useLoad'

export function IssueList({ api }: { api: ConsoleApi }) {
  const [rows] = useLoad(() => api.issues(), [api])
  return (
    <section aria-labelledby='list-heading'>
      <div className='heading-row'>
        <h1 id='list-heading'>期刊列表</h1>
        <a className='button primary' href={hrefOf({ page: 'upload' })}>
          上传文稿
        </a>
      </div>
      {rows.state === 'loading' && <p>正在读取…</p>}
      {rows.state === 'failed' && <p role='alert'>{rows.message}</p>}
      {rows.state === 'ready' && rows.value.length === 0 && <p>还没有期刊。请先上传一期文稿。</p>}
      {rows.state === 'ready' && rows.value.length > 0 && <Rows rows={rows.value} />}
    </section>
  )
}

function Rows({ rows }: { rows: ConsoleIssueRow[] }) {
  return (
    <table className='issues'>
      <thead>
        <tr>
          <th scope='col'>期号</th>
          <th scope='col'>日期</th>
          <th scope='col'>状态</th>
          <th scope='col'>文章</th>
          <th scope='col'>提示</th>
          <th scope='col'>整理人</th>
          <th scope='col'>签发人</th>
          <th scope='col'>时间</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope='row'>
              <a href={hrefOf({ page: 'issue', id: row.id, tab: 'check' })}>{row.label}</a>
            </th>
            <td>{formatDate(row.date)}</td>
            <td>
              <span className={`status ${row.status}`}>{STATUS_WORDS[row.status]}</span>
            </td>
            <td className='number'>{row.articleCount} 篇</td>
            <td className='number'>{row.warningCount > 0 ? `${row.warningCount} 处` : '—'}</td>
            <td>{row.preparedBy ?? '—'}</td>
            <td>{row.publishedBy ?? '—'}</td>
            <td>{row.publishedAt ? `发布于 ${formatTime(row.publishedAt)}` : `整理于 ${formatTime(row.preparedAt ?? row.importedAt)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
