import { htmlToLines } from '../../../src/server/import/html-to-lines'

describe("mammoth's HTML → lines", () => {
  it('gives each paragraph one line, empty paragraphs included', () => {
    expect(htmlToLines('<p>工会信息</p><p></p><p>〔2020〕第二十期</p>')).toBe('工会信息\n\n〔2020〕第二十期')
  })

  it('turns bold runs into **…**, merging adjacent runs and dropping bold spaces', () => {
    expect(htmlToLines('<p><strong>标题</strong><strong>续</strong> 正文<strong> </strong>。</p>')).toBe('**标题续** 正文 。')
  })

  it('turns a manual line break into a Markdown hard break', () => {
    expect(htmlToLines('<p>报：甲，<br />乙。</p>')).toBe('报：甲，  \n乙。')
  })

  it('numbers ordered list items, which Word keeps out of the text', () => {
    expect(htmlToLines('<ol><li>第一篇</li><li>第二篇</li></ol><ul><li>无号</li></ul>')).toBe('1. 第一篇\n2. 第二篇\n无号')
  })

  it('continues the contents numbering across sections, as Word shows it, but not across prose', () => {
    const contents = '<p>〔要情动态〕</p><ol><li>甲</li><li>乙</li></ol><p>〔工作交流〕</p><p></p><ol><li>丙</li></ol>'
    expect(htmlToLines(contents)).toBe('〔要情动态〕\n1. 甲\n2. 乙\n〔工作交流〕\n\n3. 丙')
    expect(htmlToLines('<ol><li>甲</li></ol><p>一段正文。</p><ol><li>乙</li></ol>')).toBe('1. 甲\n一段正文。\n1. 乙')
  })

  it('keeps Word headings as Markdown headings and decodes entities', () => {
    expect(htmlToLines('<h2>〔要情动态〕</h2><p>A &amp; B &lt;C&gt; &#x4E2D;&#25991; &quot;q&quot;</p>')).toBe('## 〔要情动态〕\nA & B <C> 中文 "q"')
  })

  it('puts each table cell paragraph on its own line and drops images', () => {
    expect(htmlToLines('<table><tr><td><p>甲</p><p>乙</p></td><td>丙</td></tr></table><p><img src="data:image/png;base64,AAAA" />丁</p>')).toBe('甲\n乙\n丙\n丁')
  })
})
