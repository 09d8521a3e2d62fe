/**
 * Fixing the chosen line without Word: say what it is (title, section, sub-heading, brief, source,
 * paragraph), join it with the next line, split it where the cursor stands, or correct a typo.
 */
import { useRef, useState } from 'react'
import type { LineMark, SourceEdit, SourceLine } from '@/core/check'

export const MARK_WORDS: Record<LineMark, string> = { title: '标题', section: '栏目', subheading: '小标题', brief: '短讯', source: '来源', paragraph: '正文' }

interface Props {
  line: SourceLine
  onEdit: (edit: SourceEdit) => Promise<void>
}

export function LineTools({ line, onEdit }: Props) {
  const [text, setText] = useState(line.text)
  const [busy, setBusy] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  const run = async (edit: SourceEdit) => {
    setBusy(true)
    await onEdit(edit)
    setBusy(false)
  }
  const splitAt = () => area.current?.selectionStart ?? 0
  const isText = line.kind === 'line'

  return (
    <section className='line-tools' aria-labelledby='tools-heading'>
      <h2 id='tools-heading'>修改第 {line.line} 行</h2>
      {isText ? (
        <>
          <div className='marks' role='group' aria-label='这一行是'>
            <span>这一行是：</span>
            {(Object.keys(MARK_WORDS) as LineMark[]).map((as) => (
              <button key={as} type='button' disabled={busy} onClick={() => run({ op: 'mark', line: line.line, as })}>
                {MARK_WORDS[as]}
              </button>
            ))}
          </div>
          <label htmlFor='line-text'>这一行的文字（改错字，或把光标放在要断开的地方再按“从光标处拆分”）</label>
          <textarea id='line-text' ref={area} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <div className='actions'>
            <button type='button' className='primary' disabled={busy || text === line.text} onClick={() => run({ op: 'text', line: line.line, text })}>
              保存文字
            </button>
            <button type='button' disabled={busy} onClick={() => run({ op: 'merge', line: line.line })}>
              与下一行合并
            </button>
            <button type='button' disabled={busy || text !== line.text} onClick={() => run({ op: 'split', line: line.line, at: splitAt() })}>
              从光标处拆分
            </button>
          </div>
        </>
      ) : (
        <p>这一行是{line.kind === 'table' ? '表格' : '图片'}，请在原文档里修改。</p>
      )}
    </section>
  )
}
