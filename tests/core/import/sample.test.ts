import { articlesOf, briefsOf, importIssue, linesContaining, readSample } from './support'

describe('importing the real sample 〔2020〕第二十期', () => {
  const text = readSample()
  const issue = importIssue(text)
  const warningsOn = (needle: string) => {
    const [line] = linesContaining(text, needle)
    return issue.warnings.filter((w) => w.line === line)
  }

  it('reads the masthead block', () => {
    expect(issue).toMatchObject({
      masthead: '工会信息',
      year: 2020,
      number: 20,
      label: '〔2020〕第二十期',
      publisher: '广州市总工会办公室',
      permit: '穗办准印证第089号',
      date: '2020-07-13',
    })
  })

  it('finds three sections with 3 articles, 3 articles and 8 briefs', () => {
    expect(issue.sections.map((s) => s.name)).toEqual(['要情动态', '工作交流', '信息短波'])
    expect(issue.sections.map((s) => s.items.map((i) => i.kind))).toEqual([['article', 'article', 'article'], ['article', 'article', 'article'], Array(8).fill('brief')])
  })

  it('takes titles as the body writes them, including the first one that is not bold', () => {
    expect(articlesOf(issue).map((a) => a.title)).toEqual([
      '广州市工青妇组织推动“三大工程”羊城行动决战决胜脱贫攻坚',
      '广州市开展“百企对口帮扶”专场招聘会助力贵州毕节贫困毕业生就业脱贫',
      '市总工会系统开展 2020 年“七·一”主题党日活动',
      '荔湾区总工会严把“三关”决胜城市困难职工脱困解困',
      '增城区总工会网络直播心系职工传递关怀',
      '市税务局第二稽查局工会举办“宅家歌艺大比拼”活动',
    ])
  })

  it('splits sources into organisation and author and removes them from the text', () => {
    expect(articlesOf(issue).map((a) => a.source)).toEqual([
      { organization: '市总工会生活部', author: null },
      { organization: '市总工会生活部', author: null },
      { organization: '市总工会机关党委', author: null },
      { organization: '荔湾区总工会', author: null },
      { organization: '增城区总工会', author: '涂冬妮' },
      { organization: '国家税务总局广州市第二稽查局工会', author: '陈辉云' },
    ])
    for (const article of articlesOf(issue)) {
      const last = article.paragraphs[article.paragraphs.length - 1]
      expect(last).not.toMatch(/（[^（]*）$/)
      expect(article.paragraphs[0].startsWith(article.title)).toBe(false)
    }
    expect(articlesOf(issue)[5].paragraphs[0].endsWith('全面落实“六保”任务。')).toBe(true)
  })

  it('joins the paragraphs a page break cut in two', () => {
    const paragraphs = articlesOf(issue).flatMap((a) => a.paragraphs)
    for (const joined of ['南粤家政”等 12 个订单班', '主题党日活动', '《荔湾区困难职工帮扶资金使用办法》', '责任感和历史任务感', '“六保”任务。']) {
      expect(paragraphs.filter((p) => p.includes(joined))).toHaveLength(1)
    }
    expect(articlesOf(issue).map((a) => a.paragraphs.length)).toEqual([1, 1, 1, 1, 1, 1])
    expect(articlesOf(issue)[0].paragraphs[0].startsWith('一是凝聚脱贫攻坚群团合力。')).toBe(true)
  })

  it('reads briefs without the △ and without their source', () => {
    const briefs = briefsOf(issue)
    expect(briefs[0].text).toBe('近日，海珠区工会“广联系大服务增活力”项目社工在鹭江社区党总支的支持下，开展“社企协同 心系职工”工会社工倡导珍爱生命远离毒品活动。')
    expect(briefs[0].source).toEqual({ organization: '海珠区总工会', author: null })
    expect(briefs[2].text).toBe('7月3日，花都区总工会召开第十五届委员会第三次全体会议。')
    expect(briefs.map((b) => b.source?.organization)).toEqual([
      '海珠区总工会',
      '广州发展集团工会',
      '花都区总工会',
      '越秀区总工会',
      '南沙区总工会',
      '市总工会宣教部',
      '花都区总工会',
      '越秀区总工会',
    ])
    for (const b of briefs) expect(b.text).not.toMatch(/^△|（[^（]*）$/)
  })

  it('reads the footer, joining the hard line breaks', () => {
    expect(issue.distribution).toEqual({
      reportTo: '市委罗冀京同志，市政府黎明同志，省总工会陈伟东同志，市委办公厅，市政府办公厅，省总工会办公室。',
      sendTo: '各区总工会，各产业、直属单位工会，市总工会机关各部门、直属各企事业单位。',
    })
    expect(issue.editor).toEqual({ name: '黄升', email: 'ghdy@gz.gov.cn', phone: '83188030' })
  })

  it('warns at the real quirks, on the right lines', () => {
    expect(
      warningsOn('大型企业 with 毕节')
        .map((w) => w.message)
        .join('\n'),
    ).toMatch(/with/)
    expect(warningsOn('广州市工青妇组织推动“三大工程”羊城行动决战决胜脱贫攻坚 一是').some((w) => /粗体|not bold/.test(w.message))).toBe(true)
    // Each page-break join points at the first half's line.
    for (const firstHalf of ['新增开设“粤菜师傅、南粤', '开展庆“七一”主题党', '修订《荔湾区困难职', '组织的政治责任感', '全面落实“六保”任']) {
      expect(warningsOn(firstHalf).some((w) => /分页|page break/.test(w.message))).toBe(true)
    }
    expect(issue.warnings.filter((w) => /page break/.test(w.message))).toHaveLength(5)
    // Nothing else: the sample's other lines are clean.
    expect(issue.warnings).toHaveLength(7)
    expect(issue.warnings.map((w) => w.line)).toEqual([...issue.warnings.map((w) => w.line)].sort((a, b) => a - b))
  })

  it('produces a value that survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(issue))).toEqual(issue)
  })
})
