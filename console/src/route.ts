/**
 * Where the console is, read from the URL's hash (#/issues/12/check), so the server serves one page
 * at /console and the browser's back button and bookmarks work.
 */
import { useEffect, useState } from 'react'

export const ISSUE_TABS = ['check', 'facts', 'preview', 'publish', 'correct', 'audit'] as const
export type IssueTab = (typeof ISSUE_TABS)[number]

export type Route = { page: 'list' } | { page: 'upload' } | { page: 'audit' } | { page: 'issue'; id: number; tab: IssueTab }

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean)
  if (parts[0] === 'upload') return { page: 'upload' }
  if (parts[0] === 'audit') return { page: 'audit' }
  if (parts[0] === 'issues' && /^\d+$/.test(parts[1] ?? '')) {
    const tab = (ISSUE_TABS as readonly string[]).includes(parts[2]) ? (parts[2] as IssueTab) : 'check'
    return { page: 'issue', id: Number(parts[1]), tab }
  }
  return { page: 'list' }
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'list':
      return '#/'
    case 'upload':
      return '#/upload'
    case 'audit':
      return '#/audit'
    case 'issue':
      return `#/issues/${route.id}/${route.tab}`
  }
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = () => setHash(window.location.hash)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return parseRoute(hash)
}

export function go(route: Route): void {
  window.location.hash = hrefOf(route)
}
