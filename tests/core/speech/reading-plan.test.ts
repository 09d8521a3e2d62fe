import type { StoredIssue, WithId, Article } from '../../../src/core/bulletin'
import { articlePlan, issuePlan } from '../../../src/core/speech/reading-plan'
import { importIssue, readSample } from '../import/support'

function stored(): StoredIssue {
  const issue = importIssue(readSample())
  let id = 1
  return {
    ...issue,
    id: 7,
    status: 'published',
    publishedAt: null,
    importedAt: '2020-07-13T00:00:00Z',
    sections: issue.sections.map((s) => ({ name: s.name, items: s.items.map((item) => ({ ...item, id: id++ })) })),
  }
}

const article: WithId<Article> = {
  kind: 'article',
  id: 3,
  title: '标题一',
  paragraphs: ['导语。第二句。', '一、小标题', '1. 列表项', '甲 | 乙', '丙 | 丁', '图注'],
  source: { organization: '增城区总工会', author: '涂冬妮' },
  blocks: [
    { kind: 'paragraph', text: '导语。第二句。' },
    { kind: 'subheading', text: '一、小标题' },
    { kind: 'list-item', marker: '1.', text: '列表项' },
    {
      kind: 'table',
      rows: [
        ['甲', '乙'],
        ['丙', '丁'],
      ],
    },
    { kind: 'image', mediaId: null, width: null, height: null, caption: null },
    { kind: 'image', mediaId: null, width: null, height: null, caption: '图注' },
  ],
}

describe('reading plans', () => {
  it('an article: title, text with sub-headings, list items and table rows, captions, source last', () => {
    const plan = articlePlan(article)
    expect(plan.origin).toEqual({ kind: 'article', id: 3 })
    const u = plan.items[0].utterances
    expect(u.map((x) => x.text)).toEqual(['标题一', '导语。', '第二句。', '一、小标题', '1. 列表项', '甲，乙。', '丙，丁。', '图片：图注', '来源：增城区总工会 涂冬妮。'])
    // Where each piece is on screen: paragraph index and offsets, for the mark.
    expect(u.map((x) => x.paragraph)).toEqual([-1, 0, 0, 1, 2, 3, 4, 5, null])
    expect(u[2]).toMatchObject({ start: 3, end: 7 })
  })

  it('an issue: every section announced, articles and briefs in order', () => {
    const issue = stored()
    const plan = issuePlan(issue)
    expect(plan.title).toBe('工会信息〔2020〕第二十期')
    const expected = issue.sections.flatMap((s) => s.items.map((i) => i.id))
    expect(plan.items.map((i) => i.id)).toEqual(expected)
    expect(plan.items.some((i) => i.kind === 'brief')).toBe(true)
    const firsts = plan.items.filter((item, i) => i === 0 || plan.items[i - 1].section !== item.section)
    expect(plan.items[0].utterances[0].text).toBe('工会信息〔2020〕第二十期。')
    expect(firsts.map((i) => i.utterances.find((u) => u.text.startsWith('栏目'))?.text)).toEqual(issue.sections.map((s) => `栏目：${s.name.replace(/[〔〕]/g, '')}。`))
    for (const item of plan.items) for (const u of item.utterances) expect(u.text.length).toBeLessThan(400)
  })
})
