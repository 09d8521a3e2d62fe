/** Who did what, when, from which address: one issue's, or everything, newest first. */
import type { ConsoleApi } from '../api'
import type { SourceEdit } from '@/core/check'
import { actionWords, detailWords, formatTime } from '../format'
import { describeEdit } from './FactsView'
import { hrefOf } from '../route'
import { useLoad } from './useLoad'

export function AuditTable({ api, issueId, heading }: { api: ConsoleApi; issueId?: number; heading: string }) {
  const [items] = useLoad(() => api.audit(issueId), [api, issueId])
  const Heading = issueId ? 'h2' : 'h1'
  return (
    <section aria-labelledby='audit-heading'>
      <Heading id='audit-heading'>{heading}</Heading>
      {items.state === 'loading' && <p>正在读取…</p>}
      {items.state === 'failed' && <p role='alert'>{items.message}</p>}
      {items.state === 'ready' && items.value.length === 0 && <p>还没有记录。</p>}
      {items.state === 'ready' && items.value.length > 0 && (
        <table className='audit'>
          <thead>
            <tr>
              <th scope='col'>时间</th>
              <th scope='col'>谁</th>
              <th scope='col'>做了什么</th>
              {!issueId && <th scope='col'>哪一期</th>}
              <th scope='col'>地址</th>
              <th scope='col'>说明</th>
            </tr>
          </thead>
          <tbody>
            {items.value.map((e, i) => (
              <tr key={i}>
                <td>{formatTime(e.at)}</td>
                <td>{e.editor ?? '—'}</td>
                <td>{actionWords(e.action)}</td>
                {!issueId && <td>{e.issueId ? <a href={hrefOf({ page: 'issue', id: e.issueId, tab: 'audit' })}>{e.label ?? `第 ${e.issueId} 号`}</a> : '—'}</td>}
                <td>{e.address || '—'}</td>
                <td>
                  {'edit' in e.detail
                    ? [describeEdit(e.detail.edit as SourceEdit), detailWords({ ...e.detail, edit: undefined })].filter(Boolean).join('；')
                    : detailWords(e.detail)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
