/** The frame around every screen once signed in: the console's name, where to go, who is signed in. */
import type { ReactNode } from 'react'
import type { ConsoleEditor } from '@/core/console'
import { hrefOf, type Route } from '../route'

interface Props {
  editor: ConsoleEditor
  route: Route
  onSignOut: () => void
  children: ReactNode
}

export const ROLE_WORDS = { editor: '编辑', chief: '签发人' } as const

export function Layout({ editor, route, onSignOut, children }: Props) {
  const links: Array<{ route: Route; words: string }> = [
    { route: { page: 'list' }, words: '期刊列表' },
    { route: { page: 'upload' }, words: '上传文稿' },
    { route: { page: 'audit' }, words: '操作记录' },
  ]
  return (
    <>
      <header className='top'>
        <a className='brand' href='#/'>
          工会信息 编辑台
        </a>
        <nav aria-label='主菜单'>
          {links.map((l) => (
            <a key={l.words} href={hrefOf(l.route)} aria-current={route.page === l.route.page ? 'page' : undefined}>
              {l.words}
            </a>
          ))}
        </nav>
        <span className='who'>
          {editor.name}（{ROLE_WORDS[editor.role]}）
        </span>
        <button type='button' onClick={onSignOut}>
          退出
        </button>
      </header>
      <main className='content'>{children}</main>
    </>
  )
}
