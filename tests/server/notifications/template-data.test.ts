import { buildTemplateData, fitKeywordValue, issuePage, parseFieldSpec } from '../../../src/server/notifications/template-data'
import { loadNotificationConfig } from '../../../src/server/config'
import { checkKeywordValue } from '../../../src/server/wechat/fake-template-data'
import { makeIssue } from '../support/archive'

describe('template data', () => {
  it('parses the field spec and names the bad part', () => {
    expect(parseFieldSpec('thing1=title, date2=date,thing3="工会信息"')).toEqual([
      { keyword: 'thing1', type: 'thing', source: 'title' },
      { keyword: 'date2', type: 'date', source: 'date' },
      { keyword: 'thing3', type: 'thing', source: { text: '工会信息' } },
    ])
    expect(() => parseFieldSpec('thing1=headline')).toThrow(/"headline" \(for thing1\)/)
    expect(() => parseFieldSpec('title=title')).toThrow(/"title" is not a template keyword/)
    expect(() => parseFieldSpec('thing1=title,thing1=label')).toThrow(/appears twice/)
  })

  it('fits every value to what WeChat accepts for its keyword type', () => {
    const long = '广州市总工会召开二〇二〇年度全市工会系统劳动竞赛表彰大会暨工作部署会议'
    const cases: Array<[string, string]> = [
      ['thing', long],
      ['thing', ''],
      ['character_string', '〔2020〕第二十期 No.20'],
      ['character_string', '工会'],
      ['number', '第20期'],
      ['letter', 'ab12cd'],
      ['phrase', '新一期工会信息出版'],
      ['phrase', 'abc'],
      ['name', '广州市总工会办公室宣传教育部门'],
      ['date', '2020-7-3'],
      ['date', '〔2020〕第二十期'],
      ['time', 'soon'],
      ['amount', '¥12.5元'],
      ['something', long],
    ]
    for (const [type, value] of cases) {
      const fitted = fitKeywordValue(type, value, '2020-07-13')
      expect([type, value, checkKeywordValue(type, fitted)]).toEqual([type, value, null])
    }
    expect(fitKeywordValue('thing', long, '2020-07-13')).toBe(Array.from(long).slice(0, 19).join('') + '…')
    expect(Array.from(fitKeywordValue('thing', long, '2020-07-13'))).toHaveLength(20)
    expect(fitKeywordValue('thing', '短标题', '2020-07-13')).toBe('短标题')
    expect(fitKeywordValue('date', '2020-7-3', '2021-01-01')).toBe('2020-07-03')
    expect(fitKeywordValue('date', '〔2020〕第二十期', '2020-07-13')).toBe('2020-07-13')
    expect(fitKeywordValue('phrase', '新一期工会信息出版', '2020-07-13')).toBe('新一期工会')
  })

  it('fills data from the issue: first title, date, label', () => {
    const issue = makeIssue(2020, 20)
    const first = issue.sections.flatMap((s) => s.items).find((i) => i.kind === 'article')
    if (first?.kind !== 'article') throw new Error('fixture has no article')
    const data = buildTemplateData(issue, parseFieldSpec('thing1=title,date2=date,thing3=label,number4=number'))
    expect(data.thing1.value).toBe(fitKeywordValue('thing', first.title, issue.date))
    expect(data.date2.value).toBe(issue.date)
    expect(data.thing3.value).toBe('〔2020〕第二十期')
    expect(data.number4.value).toBe('20')
    expect(issuePage(42)).toBe('pages/issue/index?id=42')
  })
})

describe('notification config', () => {
  it('has sensible defaults and no template = disabled', () => {
    const config = loadNotificationConfig({})
    expect(config.templateId).toBeNull()
    expect(config.sendRate).toBe(20)
    expect(config.fields.map((f) => f.keyword)).toEqual(['thing1', 'date2', 'thing3'])
    expect(loadNotificationConfig({ WECHAT_TEMPLATE_NEW_ISSUE: ' abc ', WECHAT_SEND_RATE: '0' })).toMatchObject({ templateId: 'abc', sendRate: 0 })
  })

  it('names the variable of a bad value', () => {
    expect(() => loadNotificationConfig({ WECHAT_SEND_RATE: 'fast' })).toThrow(/WECHAT_SEND_RATE must be a whole number/)
    expect(() => loadNotificationConfig({ WECHAT_TEMPLATE_FIELDS: 'thing1' })).toThrow(/WECHAT_TEMPLATE_FIELDS: "thing1" is not keyword=source/)
    expect(() => loadNotificationConfig({ NOTIFY_CONCURRENCY: '0' })).toThrow(/NOTIFY_CONCURRENCY/)
    expect(() => loadNotificationConfig({ NOTIFY_WORKER: 'maybe' })).toThrow(/NOTIFY_WORKER must be "on" or "off"/)
  })
})
