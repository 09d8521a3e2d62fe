/** 用户名, 密码, 登录: the only screen before a session. */
import { useState, type FormEvent } from 'react'
import type { ConsoleSession } from '@/core/console'
import { ApiError, signIn } from '../api'

interface Props {
  notice?: string
  onSignedIn: (session: ConsoleSession) => void
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim() || !password) return setError('请填写用户名和密码。')
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await signIn(name.trim(), password))
    } catch (err) {
      const e = err as ApiError
      setError(e.retryAfterSeconds ? `${e.message}（请 ${Math.ceil(e.retryAfterSeconds / 60)} 分钟后再试）` : e.message)
      setBusy(false)
    }
  }

  return (
    <main className='sign-in'>
      <form onSubmit={submit} aria-labelledby='sign-in-heading' noValidate>
        <h1 id='sign-in-heading'>工会信息 编辑台</h1>
        {notice && <p className='notice'>{notice}</p>}
        <label htmlFor='name'>用户名</label>
        <input id='name' name='username' autoComplete='username' value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        <label htmlFor='password'>密码</label>
        <input id='password' name='password' type='password' autoComplete='current-password' value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && (
          <p className='error' role='alert'>
            {error}
          </p>
        )}
        <button type='submit' className='primary' disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  )
}
