/**
 * Check, fix without Word, and correct: the console's work on an issue's kept source. A fix is an
 * edit of the source (core/import/edits.ts), read again by the importer; a correction puts a fixed or
 * re-uploaded document in place of a published issue, with the note readers see under each article
 * it changed. Storing goes through the publishing service (the workflow stays in one place).
 */
import type { StoredIssue } from '../../core/bulletin'
import type { RecordedEdit, SourceEdit, SourceView } from '../../core/check'
import { rereadSource, type ImportProblem, type Stream } from '../../core/import'
import { sourceLines, structureOf } from '../../core/import/check-view'
import { applyEdit, type EditProblem } from '../../core/import/edits'
import type { DocumentImport } from '../import/media'
import type { Storage } from '../storage/storage'
import type { PublishingService } from './publishing'

export type EditingErrorCode = 'issue-not-found' | 'no-source' | 'not-a-draft' | 'not-published' | 'edit-refused' | 'import-failed' | 'no-note'

/** Why an edit or correction was refused; nothing was stored. `problem` names the line. */
export class EditingError extends Error {
  constructor(
    readonly code: EditingErrorCode,
    message: string,
    readonly problem: EditProblem | ImportProblem | null = null,
  ) {
    super(message)
    this.name = 'EditingError'
  }
}

/** What a correction replaces the published issue with: an edit of its source, or a whole document. */
export type CorrectionInput = { edit: SourceEdit } | { fileName: string; result: DocumentImport }

export interface EditingService {
  source(id: number): Promise<SourceView>
  /** A draft's fix: applied, read again and stored, or refused (EditingError) with nothing stored. */
  edit(id: number, edit: SourceEdit, editor: string): Promise<{ issue: StoredIssue; source: SourceView }>
  /** A published issue corrected; it stays published. `corrected`: the ids of the articles that changed. */
  correct(id: number, input: CorrectionInput, note: string, editor: string): Promise<{ issue: StoredIssue; corrected: number[] }>
}

const notFound = (id: number) => new EditingError('issue-not-found', `没有编号为 ${id} 的一期 (there is no issue with id ${id})`)

export function createEditingService({ storage, publishing }: { storage: Storage; publishing: PublishingService }): EditingService {
  async function load(id: number) {
    const issue = await storage.getIssue(id, { includeDrafts: true })
    if (!issue) throw notFound(id)
    const source = await storage.getSource(id)
    if (!source) throw new EditingError('no-source', '这一期导入时没有保存原稿，请重新上传文件后再核对和修改 (this issue was stored without its source: upload it again)')
    return { issue, ...source }
  }

  const viewOf = (stream: Stream, issue: StoredIssue, edits: RecordedEdit[]): SourceView => ({
    lines: sourceLines(stream),
    structure: structureOf(stream, issue),
    warnings: issue.warnings,
    edits,
  })

  /** The edited source read again, or the refusal naming the line. */
  function edited(stream: Stream, edit: SourceEdit) {
    const outcome = applyEdit(stream, edit)
    if (!outcome.ok) throw new EditingError('edit-refused', outcome.problem.message, outcome.problem)
    const { result } = rereadSource(outcome.stream)
    if (!result.ok) throw new EditingError('edit-refused', `这样修改后文件无法识别：${result.errors[0].message} (the edit would make the document unreadable)`, result.errors[0])
    return { stream: outcome.stream, issue: result.issue }
  }

  async function replaced(id: number, run: () => ReturnType<PublishingService['replaceIssue']>) {
    const done = await run()
    if (!done) throw notFound(id)
    return done
  }

  return {
    async source(id) {
      const { issue, stream, edits } = await load(id)
      return viewOf(stream, issue, edits)
    },

    async edit(id, edit, editor) {
      const current = await load(id)
      if (current.issue.status !== 'draft') throw new EditingError('not-a-draft', '这一期已经发布，只能由签发人更正 (a published issue is changed by a correction)')
      const next = edited(current.stream, edit)
      // Stored only if no one published or edited the draft since it was read (else 409 edit-conflict).
      const expect = { status: 'draft' as const, edits: current.edits.length }
      const { issue } = await replaced(id, () => publishing.replaceIssue(id, next.issue, { source: next.stream, edit: { editor, edit }, expect }))
      return { issue, source: viewOf(next.stream, issue, (await storage.getSource(id))!.edits) }
    },

    async correct(id, input, note, editor) {
      const words = note.trim()
      if (words === '') throw new EditingError('no-note', '请填写更正说明，读者会在文章下方看到它 (a correction needs a note)')
      const issue = await storage.getIssue(id, { includeDrafts: true })
      if (!issue) throw notFound(id)
      if (issue.status !== 'published') throw new EditingError('not-published', '这一期还没有发布，直接修改即可，不需要更正 (only a published issue is corrected)')
      const correction = { note: words }
      if ('edit' in input) {
        const current = await load(id)
        const next = edited(current.stream, input.edit)
        const expect = { status: 'published' as const, edits: current.edits.length }
        return replaced(id, () => publishing.replaceIssue(id, next.issue, { source: next.stream, edit: { editor, edit: input.edit, note: words }, correction, expect }))
      }
      // A whole document: still published, and no edit recorded since it was read (when there is a source to count them by).
      const expect = { status: 'published' as const, edits: (await storage.getSource(id))?.edits.length }
      const { result, fileName } = input
      if (!result.ok) throw new EditingError('import-failed', result.errors[0]?.message ?? '文件无法识别 (the document cannot be read)', result.errors[0] ?? null)
      return replaced(id, () =>
        publishing.replaceIssue(id, result.issue, {
          source: result.source ?? null,
          media: result.media,
          edit: { editor, edit: { op: 'replace', fileName }, note: words },
          correction,
          expect,
        }),
      )
    },
  }
}
