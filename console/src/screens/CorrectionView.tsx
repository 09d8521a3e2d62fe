/**
 * Correcting a published issue (chief editors): a corrected document, or one line's words, with a
 * 更正说明 that readers see under each corrected article. Unchanged articles keep their ids.
 */
import { useState, type FormEvent } from 'react'
import type { StoredIssue } from '@/core/bulletin'
import { ApiError, type ConsoleApi } from '../api'
import { atLine } from '../format'
import { useLoad } from './useLoad'

interface Props {
  api: ConsoleApi
  issue: StoredIssue
  onChanged: () => void
}

type Way = 'line' | 'file'

export function CorrectionView({ api, issue, onChanged }: Props) {
  const [source] = useLoad(() => api.source(issue.id), [api, issue.id])
  const [way, setWay] = useState<Way>('line')
  const [note, setNote] = useState('')
  const [line, setLine] = useState<number | null>(null)
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const lines = source.state === 'ready' ? source.value.lines.filter((l) => l.kind === 'line' && l.text.trim()) : []

  const choose = (n: number) => {
    setLine(n)
    setText(lines.find((l) => l.line === n)?.text ?? '')
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!note.trim()) return setMessage({ ok: false, text: '请写更正说明，读者会在文章下看到它。' })
    if (way === 'line' && (line === null || !text.trim())) return setMessage({ ok: false, text: '请选一行并写好改后的文字。' })
    if (way === 'file' && !file) return setMessage({ ok: false, text: '请选择更正后的文件。' })
    setBusy(true)
    setMessage(null)
    try {
      const result = way === 'file' ? await api.correctWithFile(issue.id, file!, note.trim()) : await api.correctWithEdit(issue.id, { op: 'text', line: line!, text }, note.trim())
      setMessage({ ok: true, text: `已更正 ${result.corrected.length} 篇文章，读者会看到更正说明。` })
      onChanged()
    } catch (error) {
      const err = error as ApiError
      setMessage({ ok: false, text: atLine(err.line, err.message) })
    }
    setBusy(false)
  }

  return (
    <form className='correction' onSubmit={submit} aria-labelledby='correction-heading'>
      <h2 id='correction-heading'>更正已发布的本期</h2>
      <fieldset>
        <legend>怎样更正</legend>
        <input type='radio' id='way-line' name='way' checked={way === 'line'} onChange={() => setWay('line')} />
        <label htmlFor='way-line'>改一行文字</label>
        <input type='radio' id='way-file' name='way' checked={way === 'file'} onChange={() => setWay('file')} />
        <label htmlFor='way-file'>上传更正后的文件</label>
      </fieldset>
      {way === 'line' ? (
        <>
          <label htmlFor='correct-line'>要改的行</label>
          <select id='correct-line' value={line ?? ''} onChange={(e) => choose(Number(e.target.value))}>
            <option value='' disabled>
              请选择
            </option>
            {lines.map((l) => (
              <option key={l.line} value={l.line}>
                第 {l.line} 行：{l.text.length > 40 ? l.text.slice(0, 40) + '…' : l.text}
              </option>
            ))}
          </select>
          <label htmlFor='correct-text'>改后的文字</label>
          <textarea id='correct-text' rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </>
      ) : (
        <>
          <label htmlFor='correct-file'>更正后的文件（.docx、.md 或 .txt）</label>
          <input id='correct-file' type='file' accept='.docx,.md,.markdown,.txt' onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </>
      )}
      <label htmlFor='correct-note'>更正说明</label>
      <textarea id='correct-note' rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder='例如：原文“2019年”应为“2020年”。' />
      <button type='submit' className='primary' disabled={busy}>
        {busy ? '正在更正…' : '发布更正'}
      </button>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  )
}
