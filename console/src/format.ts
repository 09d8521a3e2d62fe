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
  'sign-out': '退出',
  upload: '上传',
  'upload-refused': '上传未成功',
  edit: '修改',
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

/** The words of an audit entry's details the console knows; the rest as written. */
const DETAIL_WORDS: Record<string, string> = {
  reason: '原因',
  note: '更正说明',
  fileName: '文件',
  expiresAt: '有效至',
  recipients: '通知人数',
  replaced: '替换',
  warnings: '提示',
  corrected: '更正的文章',
  op: '修改',
}

export function detailWords(detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return ''
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${DETAIL_WORDS[k] ?? k}：${typeof v === 'string' ? (k === 'expiresAt' ? formatTime(v) : v) : Array.isArray(v) ? v.length : JSON.stringify(v)}`)
    .join('；')
}

/** A message about a line, saying which line once: the server's words often begin with 第 N 行 already. */
export function atLine(line: number | null | undefined, message: string): string {
  if (!line || /^第\s*\d+\s*行/.test(message)) return message
  return `第 ${line} 行：${message}`
}
