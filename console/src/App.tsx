/**
 * The console's root: who is signed in, and which screen the URL names. Screens get the API and the
 * editor as props; nothing is global.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ConsoleSession } from '@/core/console'
import { ApiError, createApi, currentSession } from './api'
import { useRoute } from './route'
import { Layout } from './screens/Layout'
import { SignIn } from './screens/SignIn'
import { IssueList } from './screens/IssueList'
import { Upload } from './screens/Upload'
import { IssuePage } from './screens/IssuePage'
import { AuditTable } from './screens/AuditTable'

type Boot = { state: 'loading' } | { state: 'signed-out'; notice?: string } | { state: 'signed-in'; session: ConsoleSession } | { state: 'failed'; message: string }

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' })
  const route = useRoute()

  useEffect(() => {
    currentSession().then(
      (session) => setBoot(session ? { state: 'signed-in', session } : { state: 'signed-out' }),
      (error: ApiError) => setBoot({ state: 'failed', message: error.message }),
    )
  }, [])

  const signedOut = useCallback(() => setBoot({ state: 'signed-out', notice: '登录已过期，请重新登录。' }), [])
  const session = boot.state === 'signed-in' ? boot.session : null
  const api = useMemo(() => (session ? createApi(session.csrfToken, signedOut) : null), [session, signedOut])

  if (boot.state === 'loading') return <p className='boot'>正在打开编辑台…</p>
  if (boot.state === 'failed')
    return (
      <p className='boot' role='alert'>
        {boot.message}
      </p>
    )
  if (boot.state === 'signed-out' || !api || !session) {
    return <SignIn notice={boot.state === 'signed-out' ? boot.notice : undefined} onSignedIn={(s) => setBoot({ state: 'signed-in', session: s })} />
  }

  const signOut = async () => {
    await api.signOut().catch(() => undefined)
    setBoot({ state: 'signed-out' })
  }
  const editor = session.editor
  return (
    <Layout editor={editor} route={route} onSignOut={signOut}>
      {route.page === 'list' && <IssueList api={api} />}
      {route.page === 'upload' && <Upload api={api} editor={editor} />}
      {route.page === 'audit' && <AuditTable api={api} heading='操作记录' />}
      {route.page === 'issue' && <IssuePage key={route.id} api={api} editor={editor} id={route.id} tab={route.tab} />}
    </Layout>
  )
}
