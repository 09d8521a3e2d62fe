/**
 * The check screen: the document's own lines, numbered, on the left; what the importer read of them
 * on the right; every warning pinned to its line. Choosing a line, a warning or a structure node
 * marks the line and scrolls both sides to it. On a draft, the chosen line can be fixed in place.
 */
import { useEffect, useMemo, useState } from 'react'
import type { ImportWarning, StoredIssue } from '@/core/bulletin'
import type { SourceView, SourceEdit, StructureKind, StructureNode } from '@/core/check'
import { ApiError, type ConsoleApi } from '../api'
import { atLine } from '../format'
import { useLoad } from './useLoad'
import { LineTools } from './LineTools'

export const KIND_WORDS: Record<StructureKind, string> = {
  facts: '刊头',
  section: '栏目',
  article: '标题',
  subheading: '小标题',
  brief: '短讯',
  source: '来源',
  table: '表格',
  picture: '图片',
}

interface Props {
  api: ConsoleApi
  issue: StoredIssue
  onChanged: () => void
}

/** The structure node a line belongs to: the last one that starts on or before it. */
export function nodeIndexFor(structure: StructureNode[], line: number): number {
  let found = -1
  structure.forEach((node, i) => {
    if (node.line <= line) found = i
  })
  return found
}

export function CheckView({ api, issue, onChanged }: Props) {
  const [source, , setSource] = useLoad(() => api.source(issue.id), [api, issue.id])
  const [selected, setSelected] = useState<number | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const editable = issue.status === 'draft'

  useEffect(() => {
    if (selected === null) return
    document.getElementById(`line-${selected}`)?.scrollIntoView({ block: 'center' })
    document.querySelector('.structure .chosen')?.scrollIntoView({ block: 'nearest' })
  }, [selected, source])

  const applyEdit = async (edit: SourceEdit) => {
    setProblem(null)
    try {
      const result = await api.edit(issue.id, edit)
      setSource(result.source)
      onChanged()
    } catch (error) {
      const e = error as ApiError
      setProblem(atLine(e.line, e.message))
    }
  }

  if (source.state === 'loading') return <p>正在读取文稿…</p>
  if (source.state === 'failed') return <p role='alert'>{source.message}</p>
  const { lines, structure, warnings } = source.value
  const chosenLine = lines.find((l) => l.line === selected) ?? null

  return (
    <div className='check'>
      {editable && chosenLine && <LineTools key={`${chosenLine.line}:${chosenLine.text}`} line={chosenLine} onEdit={applyEdit} />}
      {!editable && <p className='hint'>本期已发布，不能直接修改；要改动请用“更正”。</p>}
      {problem && (
        <p className='error' role='alert'>
          没有改成：{problem}
        </p>
      )}
      <div className='panes'>
        <Lines source={source.value} selected={selected} onSelect={setSelected} />
        <Structure structure={structure} warnings={warnings} selected={selected} onSelect={setSelected} />
      </div>
    </div>
  )
}

function Lines({ source, selected, onSelect }: { source: SourceView; selected: number | null; onSelect: (line: number) => void }) {
  const byLine = useMemo(() => groupByLine(source.warnings), [source.warnings])
  return (
    <section className='pane lines' aria-labelledby='lines-heading'>
      <h2 id='lines-heading'>原文（{source.lines.length} 行）</h2>
      <ol>
        {source.lines.map((l) => (
          <li key={l.line} id={`line-${l.line}`} className={`${l.kind}${l.line === selected ? ' chosen' : ''}${byLine.has(l.line) ? ' warned' : ''}`}>
            <button type='button' className='line' aria-pressed={l.line === selected} onClick={() => onSelect(l.line)}>
              <span className='number' aria-label={`第 ${l.line} 行`}>
                {l.line}
              </span>
              <span className='text'>{l.text || '\u00a0'}</span>
            </button>
            {(byLine.get(l.line) ?? []).map((w, i) => (
              <p key={i} className='pinned'>
                ⚠ {w.message}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  )
}

function Structure(props: { structure: StructureNode[]; warnings: ImportWarning[]; selected: number | null; onSelect: (line: number) => void }) {
  const { structure, warnings, selected, onSelect } = props
  const chosen = selected === null ? -1 : nodeIndexFor(structure, selected)
  return (
    <section className='pane structure' aria-labelledby='structure-heading'>
      <h2 id='structure-heading'>读出的结构</h2>
      {warnings.length > 0 ? (
        <div className='warnings'>
          <h3>需要核对 {warnings.length} 处</h3>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                <button type='button' className={`warning${w.line === selected ? ' chosen' : ''}`} onClick={() => onSelect(w.line)}>
                  <span className='where'>第 {w.line} 行</span> {w.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className='ok'>没有需要核对的地方。</p>
      )}
      <h3>目录</h3>
      <ol className='nodes'>
        {structure.map((node, i) => (
          <li key={i} className={`node ${node.kind}`}>
            <button type='button' className={i === chosen ? 'chosen' : undefined} aria-pressed={i === chosen} onClick={() => onSelect(node.line)}>
              <span className='kind'>{KIND_WORDS[node.kind]}</span>
              <span className='text'>{node.text}</span>
              <span className='where'>第 {node.line} 行</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}

function groupByLine(warnings: ImportWarning[]): Map<number, ImportWarning[]> {
  const map = new Map<number, ImportWarning[]>()
  for (const w of warnings) map.set(w.line, [...(map.get(w.line) ?? []), w])
  return map
}
