/**
 * The editors' console's issue work: the list with who prepared and who published each issue,
 * uploads (each file a draft, each with its own report), publishing with its confirmation (how many
 * members, what text) and the two-person rule, unpublishing with a reason, deleting, the fan-out's
 * progress. Every action is written to the audit log. Roles are checked by the routes'
 * preHandlers; what depends on the issue (the two-person rule) is checked here.
 */
import type { IssueOverview, StoredIssue } from '../../core/bulletin'
import type { ConsoleIssue, ConsoleIssueRow, DeliveryTally, PublishPreview, UploadReport } from '../../core/console'
import type { Storage } from '../storage/storage'
import type { NotificationConfig } from '../config'
import type { DocumentImport } from '../import/media'
import type { PublishingService } from './publishing'
import type { Actor, AuditService } from './audit'
import { ApiError } from '../http/errors'
import { buildTemplateData, type FieldSpec } from '../notifications/template-data'

/** One uploaded file: its bytes, or why it could not even be read (too large, say). */
export type UploadedFile = { fileName: string; bytes: Uint8Array } | { fileName: string; problem: { code: string; message: string } }

export interface ConsoleIssues {
  rows(): Promise<ConsoleIssueRow[]>
  one(id: number): Promise<ConsoleIssue>
  upload(actor: Actor, files: UploadedFile[], opts: { replace: boolean }): Promise<UploadReport[]>
  publishPreview(id: number): Promise<PublishPreview>
  publish(actor: Actor, id: number): Promise<StoredIssue>
  unpublish(actor: Actor, id: number, reason: string): Promise<StoredIssue>
  delete(actor: Actor, id: number): Promise<void>
  deliveries(id: number): Promise<DeliveryTally>
}

export interface ConsoleIssuesDeps {
  storage: Storage
  publishing: PublishingService
  audit: AuditService
  notify: Pick<NotificationConfig, 'templateId' | 'fields'>
  requireSecondApprover: boolean
}

const FIELD_NAMES: Record<string, string> = { title: '标题', titles: '文章', label: '期号', date: '日期', masthead: '刊名', year: '年份', number: '期数', articles: '文章篇数' }
const fieldName = (field: FieldSpec) => (typeof field.source === 'object' ? '说明' : (FIELD_NAMES[field.source] ?? field.keyword))
const articleCount = (overview: IssueOverview) => overview.contents.reduce((n, s) => n + s.articles.length, 0)
const notFound = (id: number) => new ApiError(404, 'issue-not-found', `没有编号为 ${id} 的一期`)

export function createConsoleIssues(deps: ConsoleIssuesDeps): ConsoleIssues {
  const { storage, publishing, audit, notify } = deps

  async function rowsOf(overviews: IssueOverview[]): Promise<ConsoleIssueRow[]> {
    const stewards = await audit.stewards(overviews.map((o) => o.id))
    return overviews.map((o) => {
      const s = stewards.get(o.id)
      return {
        ...o,
        articleCount: articleCount(o),
        preparedBy: s?.preparedBy ?? null,
        preparedAt: s?.preparedAt ?? null,
        publishedBy: o.status === 'published' ? (s?.publishedBy ?? null) : null,
      }
    })
  }

  async function issueOrThrow(id: number): Promise<StoredIssue> {
    const issue = await storage.getIssue(id, { includeDrafts: true })
    if (!issue) throw notFound(id)
    return issue
  }

  return {
    rows: async () => rowsOf(await storage.listAll()),
    async one(id) {
      const issue = await issueOrThrow(id)
      const overview = (await storage.listAll()).find((o) => o.id === id)
      if (!overview) throw notFound(id)
      const [row] = await rowsOf([overview])
      return { issue, row }
    },
    async upload(actor, files, opts) {
      const read: Array<{ fileName: string; result: DocumentImport } | { fileName: string; problem: { code: string; message: string } }> = []
      for (const file of files) read.push('problem' in file ? file : { fileName: file.fileName, result: await publishing.readDocument(file.bytes, file.fileName) })
      if (deps.requireSecondApprover && opts.replace) {
        // A replacement of a published issue changes what members read with no second approver:
        // under the two-person rule that goes through a correction (a chief corrects, the note shows).
        const published = (await storage.listAll()).filter((o) => o.status === 'published')
        for (const file of read) {
          if (!('result' in file) || !file.result.ok) continue
          const { year, number } = file.result.issue
          const hit = published.find((o) => o.year === year && o.number === number)
          if (hit)
            throw new ApiError(
              403,
              'second-approver-required',
              `${hit.label} 已经发布；按双人审核规则不能直接替换已发布的一期，请在这一期的页面上用“更正”提交修改 (replacing a published issue needs a second approver: correct it instead)`,
            )
        }
      }
      const reports: UploadReport[] = []
      for (const file of read) {
        if ('problem' in file) {
          reports.push({ fileName: file.fileName, ok: false, errors: [{ ...file.problem, line: null }] })
          continue
        }
        const { result } = file
        const [report] = await publishing.storeDocuments([{ fileName: file.fileName, result }], { replace: opts.replace })
        if (report.ok) {
          const { fileName, id, label, status, replaced, warnings } = report
          reports.push({ fileName, ok: true, id, label, status, replaced, warnings })
          await audit.record(actor, 'upload', { id, label }, { fileName, replaced, warnings: warnings.length })
        } else {
          const errors = report.errors.map(({ code, line, message }) => ({ code, line, message }))
          reports.push({ fileName: file.fileName, ok: false, errors })
          await audit.record(actor, 'upload-refused', null, { fileName: file.fileName, errors: errors.length, first: errors[0]?.message ?? null })
        }
      }
      return reports
    },
    async publishPreview(id) {
      const issue = await issueOrThrow(id)
      if (!notify.templateId) return { recipients: 0, message: { title: '未设置订阅消息模板（WECHAT_TEMPLATE_NEW_ISSUE），发布后不会通知任何人', lines: [] } }
      const data = buildTemplateData(issue, notify.fields)
      return {
        recipients: await storage.notifications.countRecipients(notify.templateId),
        message: { title: `${issue.masthead}新一期`, lines: notify.fields.map((f) => `${fieldName(f)}：${data[f.keyword]?.value ?? ''}`) },
      }
    },
    async publish(actor, id) {
      const issue = await issueOrThrow(id)
      if (deps.requireSecondApprover && issue.status !== 'published') {
        const stewards = (await audit.stewards([id])).get(id)
        // Anyone who uploaded, edited or corrected it since its last publish (or ever) counts as a preparer.
        if (stewards?.preparerIds.includes(actor.editor.id)) throw new ApiError(403, 'second-approver-required', '这一期由您准备，须由另一位签发人发布（双人审核）')
      }
      const result = await publishing.publish(id, { inTransaction: audit.within(actor, 'publish') })
      if (!result) throw notFound(id)
      return result.issue
    },
    async unpublish(actor, id, reason) {
      const result = await publishing.unpublish(id, { inTransaction: audit.within(actor, 'unpublish', { reason }) })
      if (!result) throw notFound(id)
      return result.issue
    },
    async delete(actor, id) {
      if (!(await publishing.delete(id, { inTransaction: audit.within(actor, 'delete') }))) throw notFound(id)
    },
    async deliveries(id) {
      await issueOrThrow(id)
      const c = await storage.notifications.deliveryCounts(id)
      return { total: c.total - c.cancelled, queued: c.queued + c.sending, sent: c.sent, refused: c.refused, failed: c.failed }
    },
  }
}
