/** How the console writes dates, times and states, in plain Chinese. */
import type { IssueStatus } from '@/core/bulletin'

/** 2020-07-13 → 2020年7月13日 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}

/** An instant in the editor's own time zone: 2026年12月1日 14:05. */
export function formatTime(iso: string | null): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export const STATUS_WORDS: Record<IssueStatus, string> = { draft: '草稿', published: '已发布' }

/** The audit log's actions as an editor says them; an action this list does not know shows as written. */
const ACTIONS: Record<string, string> = {
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'sign-out': '退出',
  upload: '上传',
  import: '上传',
  replace: '替换',
  edit: '修改',
  facts: '修改基本信息',
  preview: '预览',
  publish: '签发',
  unpublish: '撤回',
  delete: '删除',
  correct: '更正',
  correction: '更正',
}

export function actionWords(action: string): string {
  return ACTIONS[action] ?? action
}
