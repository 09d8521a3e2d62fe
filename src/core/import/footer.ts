/**
 * The footer after the last brief: 报：… / 发：… (each may run over several lines, joined by Markdown
 * hard breaks or cut mid-list) and 责任编辑：name E-mail: … 电话：….
 */
import type { Distribution, Editor, ImportWarning } from '../bulletin'
import { endsClosed } from '../text/punctuation'
import * as rules from './rules'
import type { Token } from './tokenize'
import { warnings } from './warnings'

export interface Footer {
  distribution: Distribution
  editor: Editor
  warnings: ImportWarning[]
}

type Key = '报' | '发' | '责任编辑'

function parseEditor(value: string): Editor {
  const name = value
    .split(/\s|E-?mail|邮箱|电子邮箱|联系电话|电话/i)[0]
    .replace(/[：:，,]+$/, '')
    .trim()
  const phone = rules.phone.exec(value)
  return {
    name: name === '' ? null : name,
    email: rules.email.exec(value)?.[0] ?? null,
    phone: phone ? phone[1].trim() : null,
  }
}

export function readFooter(tokens: Token[]): Footer {
  const out: ImportWarning[] = []
  const values = new Map<Key, string>()
  let current: Key | null = null
  let gap = false
  for (const t of tokens) {
    if (t.kind === 'blank' || t.kind === 'rule') {
      gap = true
      if (t.kind === 'rule') current = null
      continue
    }
    if (t.kind === 'footer') {
      current = t.key
      values.set(t.key, (values.get(t.key) ?? '') + t.value)
    } else {
      const text = t.kind === 'heading' ? t.name : t.text
      const soFar = current ? (values.get(current) ?? '') : ''
      // A line continues the entry above when nothing separates them, or when the entry was cut mid-list.
      const cut = current !== '责任编辑' && (soFar === '' || !endsClosed(soFar))
      if (current && (!gap || cut)) values.set(current, soFar + text)
      else out.push(warnings.unknownFooterText(t.line, text))
    }
    gap = false
  }
  const editorText = values.get('责任编辑')
  return {
    distribution: { reportTo: values.get('报') ?? null, sendTo: values.get('发') ?? null },
    editor: editorText === undefined ? { name: null, email: null, phone: null } : parseEditor(editorText),
    warnings: out,
  }
}
