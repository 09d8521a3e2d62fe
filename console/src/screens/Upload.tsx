/**
 * Upload by dragging files onto the page or choosing them (.docx, .md, .txt), several at once, with
 * the upload's progress; then what became of each file: a draft to check, or why not, with the line.
 */
import { useRef, useState, type DragEvent } from 'react'
import type { ConsoleEditor, UploadReport } from '@/core/console'
import type { ConsoleApi } from '../api'
import { atLine } from '../format'
import { hrefOf } from '../route'

const ACCEPTED = /\.(docx|md|markdown|txt)$/i

type Stage = { state: 'idle' } | { state: 'sending'; fraction: number; names: string[] } | { state: 'done'; reports: UploadReport[] } | { state: 'failed'; message: string }

export function Upload({ api, editor }: { api: ConsoleApi; editor: ConsoleEditor }) {
  const [stage, setStage] = useState<Stage>({ state: 'idle' })
  const [refused, setRefused] = useState<string[]>([])
  const [replace, setReplace] = useState(false)
  const [over, setOver] = useState(false)
  const picker = useRef<HTMLInputElement>(null)

  const send = async (list: FileList | null) => {
    const files = Array.from(list ?? [])
    setRefused(files.filter((f) => !ACCEPTED.test(f.name)).map((f) => f.name))
    const wanted = files.filter((f) => ACCEPTED.test(f.name))
    if (wanted.length === 0) return
    setStage({ state: 'sending', fraction: 0, names: wanted.map((f) => f.name) })
    try {
      const { reports } = await api.upload(wanted, replace, (fraction) => setStage((s) => (s.state === 'sending' ? { ...s, fraction } : s)))
      setStage({ state: 'done', reports })
    } catch (error) {
      setStage({ state: 'failed', message: (error as Error).message })
    }
    if (picker.current) picker.current.value = ''
  }

  const drop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void send(e.dataTransfer.files)
  }
  const sending = stage.state === 'sending'

  return (
    <section aria-labelledby='upload-heading'>
      <h1 id='upload-heading'>上传文稿</h1>
      <div
        className={`drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid='drop-zone'
      >
        <p>把 Word 文档（.docx）、Markdown（.md）或纯文本（.txt）拖到这里，可以一次放多个文件。每个文件成为一期草稿。</p>
        <label htmlFor='files' className='button primary'>
          选择文件
        </label>
        <input
          id='files'
          ref={picker}
          type='file'
          multiple
          accept='.docx,.md,.markdown,.txt'
          className='visually-hidden'
          disabled={sending}
          onChange={(e) => void send(e.target.files)}
        />
        {editor.role === 'chief' && (
          <p className='option'>
            <input id='replace' type='checkbox' checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            <label htmlFor='replace'>同一期已有时替换它</label>
          </p>
        )}
      </div>
      {refused.length > 0 && (
        <p className='error' role='alert'>
          不能上传 {refused.join('、')}：只收 .docx、.md 和 .txt 文件。
        </p>
      )}
      {stage.state === 'sending' && (
        <div className='progress' role='status'>
          <label htmlFor='upload-progress'>正在上传 {stage.names.join('、')}</label>
          <progress id='upload-progress' max={1} value={stage.fraction} />
          <span>{Math.round(stage.fraction * 100)}%</span>
        </div>
      )}
      {stage.state === 'failed' && (
        <p className='error' role='alert'>
          上传没有成功：{stage.message}
        </p>
      )}
      {stage.state === 'done' && <Reports reports={stage.reports} />}
    </section>
  )
}

function Reports({ reports }: { reports: UploadReport[] }) {
  return (
    <ul className='reports' aria-label='上传结果'>
      {reports.map((r, i) => (
        <li key={i} className={r.ok ? 'ok' : 'bad'}>
          <h2>{r.fileName}</h2>
          {r.ok ? (
            <p>
              {r.replaced ? '已替换' : '已成为草稿'}：<a href={hrefOf({ page: 'issue', id: r.id, tab: 'check' })}>{r.label}</a>
              {r.warnings.length > 0 ? `，有 ${r.warnings.length} 处需要核对。` : '，没有需要核对的地方。'}
            </p>
          ) : (
            <>
              <p>没有导入，原因：</p>
              <ul>
                {r.errors.map((e, j) => (
                  <li key={j}>{atLine(e.line, e.message)}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}
