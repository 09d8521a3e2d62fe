/** The issue's facts (label, number, date), editable on a draft, and every change recorded so far. */
import { useState, type FormEvent } from 'react'
import type { StoredIssue } from '@/core/bulletin'
import type { DocumentReplacement, RecordedEdit, SourceEdit } from '@/core/check'
import { ApiError, type ConsoleApi } from '../api'
import { atLine, formatTime } from '../format'
import { MARK_WORDS } from './LineTools'
import { useLoad } from './useLoad'

interface Props {
  api: ConsoleApi
  issue: StoredIssue
  onChanged: () => void
}

export function describeEdit(edit: SourceEdit | DocumentReplacement): string {
  switch (edit.op) {
    case 'replace':
      return `换成更正后的文件 ${edit.fileName}`
    case 'facts':
      return ['修改基本信息', edit.label && `期号“${edit.label}”`, edit.number !== undefined && `第 ${edit.number} 期`, edit.date && `日期 ${edit.date}`].filter(Boolean).join('，')
    case 'mark':
      return `第 ${edit.line} 行标为${MARK_WORDS[edit.as]}`
    case 'merge':
      return `第 ${edit.line} 行与下一行合并`
    case 'split':
      return `第 ${edit.line} 行从第 ${edit.at} 个字后拆分`
    case 'text':
      return `第 ${edit.line} 行改为“${edit.text}”`
  }
}

export function FactsView({ api, issue, onChanged }: Props) {
  const [source, reload] = useLoad(() => api.source(issue.id), [api, issue.id])
  const [label, setLabel] = useState(issue.label)
  const [number, setNumber] = useState(String(issue.number))
  const [date, setDate] = useState(issue.date)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const editable = issue.status === 'draft'

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!/^\d+$/.test(number)) return setMessage({ ok: false, text: '期数要写成数字，例如 20。' })
    const edit: SourceEdit = { op: 'facts' }
    if (label !== issue.label) edit.label = label
    if (Number(number) !== issue.number) edit.number = Number(number)
    if (date !== issue.date) edit.date = date
    if (Object.keys(edit).length === 1) return setMessage({ ok: false, text: '没有改动。' })
    try {
      await api.edit(issue.id, edit)
      setMessage({ ok: true, text: '已保存。' })
      reload()
      onChanged()
    } catch (error) {
      const err = error as ApiError
      setMessage({ ok: false, text: atLine(err.line, err.message) })
    }
  }

  return (
    <div className='facts-view'>
      <form onSubmit={save} aria-labelledby='facts-heading' className='facts-form'>
        <h2 id='facts-heading'>基本信息</h2>
        <label htmlFor='fact-label'>期号（按刊头的写法）</label>
        <input id='fact-label' value={label} onChange={(e) => setLabel(e.target.value)} disabled={!editable} />
        <label htmlFor='fact-number'>第几期（数字）</label>
        <input id='fact-number' inputMode='numeric' value={number} onChange={(e) => setNumber(e.target.value)} disabled={!editable} />
        <label htmlFor='fact-date'>日期</label>
        <input id='fact-date' type='date' value={date} onChange={(e) => setDate(e.target.value)} disabled={!editable} />
        {editable && (
          <button type='submit' className='primary'>
            保存基本信息
          </button>
        )}
        {message && (
          <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
      <section aria-labelledby='edits-heading' className='edits'>
        <h2 id='edits-heading'>修改记录</h2>
        {source.state === 'failed' && <p role='alert'>{source.message}</p>}
        {source.state === 'ready' && <EditList edits={source.value.edits} />}
      </section>
    </div>
  )
}

function EditList({ edits }: { edits: RecordedEdit[] }) {
  if (edits.length === 0) return <p>还没有修改过。</p>
  return (
    <ol className='edit-list'>
      {edits.map((edit, i) => (
        <li key={i}>
          <span className='when'>{formatTime(edit.at)}</span> <span className='who'>{edit.editor}</span> {describeEdit(edit.edit)}
          {edit.note && <span className='note'>（更正说明：{edit.note}）</span>}
        </li>
      ))}
    </ol>
  )
}
