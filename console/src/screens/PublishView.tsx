/**
 * Publishing (chief editors): a confirmation naming how many members will be told and in which
 * words, then the notification fan-out live. A published issue can be withdrawn, with a reason.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { ConsoleIssue, DeliveryTally } from '@/core/console'
import type { ConsoleApi } from '../api'
import { hrefOf } from '../route'
import { useLoad } from './useLoad'

interface Props {
  api: ConsoleApi
  detail: ConsoleIssue
  onChanged: () => void
}

export function PublishView({ api, detail, onChanged }: Props) {
  const published = detail.issue.status === 'published'
  return (
    <div className='publish'>
      {published ? (
        <>
          <Deliveries api={api} issueId={detail.issue.id} />
          <Unpublish api={api} issueId={detail.issue.id} onDone={onChanged} />
        </>
      ) : (
        <Confirm api={api} detail={detail} onDone={onChanged} />
      )}
    </div>
  )
}

function Confirm({ api, detail, onDone }: { api: ConsoleApi; detail: ConsoleIssue; onDone: () => void }) {
  const [preview] = useLoad(() => api.publishPreview(detail.issue.id), [api, detail.issue.id])
  const [asking, setAsking] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirmButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (asking) confirmButton.current?.focus()
  }, [asking])

  const publish = async () => {
    setBusy(true)
    setProblem(null)
    try {
      await api.publish(detail.issue.id)
      onDone()
    } catch (error) {
      setProblem((error as Error).message)
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby='publish-heading'>
      <h2 id='publish-heading'>签发本期</h2>
      {preview.state === 'loading' && <p>正在统计要通知的会员…</p>}
      {preview.state === 'failed' && <p role='alert'>{preview.message}</p>}
      {preview.state === 'ready' && (
        <>
          <p className='recipients'>
            签发后将通知 <strong>{preview.value.recipients}</strong> 位订阅的会员。
          </p>
          <figure className='message'>
            <figcaption>通知内容</figcaption>
            <p className='message-title'>{preview.value.message.title}</p>
            {preview.value.message.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </figure>
          {detail.row.warningCount > 0 && (
            <p className='hint'>
              本期还有 {detail.row.warningCount} 处提示，签发前请在<a href={hrefOf({ page: 'issue', id: detail.issue.id, tab: 'check' })}>检查</a>里核对。
            </p>
          )}
          {!asking ? (
            <button type='button' className='primary' onClick={() => setAsking(true)}>
              签发…
            </button>
          ) : (
            <div className='confirm' role='group' aria-labelledby='confirm-words'>
              <p id='confirm-words'>
                确定签发 {detail.issue.label}，并通知 {preview.value.recipients} 位会员吗？签发后会员马上能看到。
              </p>
              <button type='button' className='primary' ref={confirmButton} disabled={busy} onClick={publish}>
                {busy ? '正在签发…' : '确认签发'}
              </button>
              <button type='button' disabled={busy} onClick={() => setAsking(false)}>
                取消
              </button>
            </div>
          )}
        </>
      )}
      {problem && (
        <p className='error' role='alert'>
          没有签发：{problem}
        </p>
      )}
    </section>
  )
}

export function percentDone(p: DeliveryTally): number {
  if (p.total === 0) return 100
  return Math.floor(((p.sent + p.refused + p.failed) / p.total) * 100)
}

function Deliveries({ api, issueId }: { api: ConsoleApi; issueId: number }) {
  const [progress, setProgress] = useState<DeliveryTally | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let live = true
    const poll = () =>
      api.deliveries(issueId).then(
        (p) => {
          if (!live) return
          setProgress(p)
          setProblem(null)
          // Polled each second while anything is still queued (docs/console-api.md).
          if (p.queued > 0) timer = setTimeout(poll, 1000)
        },
        (e: Error) => {
          if (!live) return
          setProblem(e.message)
          timer = setTimeout(poll, 3000)
        },
      )
    void poll()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, issueId])

  return (
    <section aria-labelledby='deliveries-heading' className='deliveries'>
      <h2 id='deliveries-heading'>通知会员</h2>
      {problem && <p role='alert'>{problem}</p>}
      {progress && (
        <>
          <div className='progress'>
            <label htmlFor='delivery-progress'>{progress.queued > 0 ? '正在发送通知' : progress.total === 0 ? '没有需要通知的会员' : '通知已发完'}</label>
            <progress id='delivery-progress' max={100} value={percentDone(progress)} />
            <span data-testid='delivery-percent'>{percentDone(progress)}%</span>
          </div>
          <dl className='counts' aria-live='polite'>
            <div>
              <dt>共</dt>
              <dd>{progress.total}</dd>
            </div>
            <div>
              <dt>排队中</dt>
              <dd>{progress.queued}</dd>
            </div>
            <div>
              <dt>已送达</dt>
              <dd>{progress.sent}</dd>
            </div>
            <div>
              <dt>会员拒收</dt>
              <dd>{progress.refused}</dd>
            </div>
            <div>
              <dt>发送失败</dt>
              <dd>{progress.failed}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  )
}

function Unpublish({ api, issueId, onDone }: { api: ConsoleApi; issueId: number; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!reason.trim()) return setProblem('请写明撤回的原因。')
    setBusy(true)
    try {
      await api.unpublish(issueId, reason.trim())
      onDone()
    } catch (error) {
      setProblem((error as Error).message)
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit} aria-labelledby='unpublish-heading' className='unpublish'>
      <h2 id='unpublish-heading'>撤回本期</h2>
      <p>撤回后会员看不到本期，已发出的通知不能收回。</p>
      <label htmlFor='unpublish-reason'>撤回原因</label>
      <textarea id='unpublish-reason' rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      {problem && (
        <p className='error' role='alert'>
          {problem}
        </p>
      )}
      <button type='submit' className='danger' disabled={busy}>
        撤回
      </button>
    </form>
  )
}
