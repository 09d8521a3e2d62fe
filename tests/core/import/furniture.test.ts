import { articlesOf, importIssue } from './support'

const HEAD = '工会信息\n〔2023〕第5期\n广州市总工会办公室\n2023年5月30日\n〔基层动态〕\n'

describe('page furniture', () => {
  it('removes a page number and running header glued into a sentence, with a warning on that line', () => {
    const issue = importIssue(HEAD + '**天河区总工会开办托管班**\n开办职工子女爱心— 1 —工会信息　2023年第5期托管班。（天河区总工会）\n')
    expect(articlesOf(issue)[0].paragraphs).toEqual(['开办职工子女爱心托管班。'])
    expect(issue.warnings).toEqual([{ line: 7, message: expect.stringMatching(/已删除页码或页眉“— 1 —工会信息　2023年第5期”/) }])
  })

  it('removes a page number that cut a source in two', () => {
    const issue = importIssue(HEAD + '**标题**\n正文。（海珠区总\n- 2 -\n工会　李明）\n')
    expect(articlesOf(issue)[0].source).toEqual({ organization: '海珠区总工会', author: '李明' })
  })
})
