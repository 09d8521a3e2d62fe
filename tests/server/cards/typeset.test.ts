/** Chinese line breaking of card titles: full lines, and no line starting with closing punctuation. */
import { breakFullWidth } from '../../../src/server/services/cards/typeset'

describe('breakFullWidth', () => {
  it('fills lines and breaks inside quoted phrases, which satori will not do', () => {
    expect(breakFullWidth('广州市开展“百企对口帮扶”专场招聘会助力贵州毕节贫困毕业生就业脱贫', 14)).toBe('广州市开展“百企对口帮扶”专\n场招聘会助力贵州毕节贫困毕业\n生就业脱贫')
  })

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    // 14 per line would put "，" first on line 2: "坚" comes down with it.
    expect(breakFullWidth('广州市工青妇组织推动“三大工程”羊城行动决战决胜脱贫攻坚，广州', 14)!.split('\n')).toEqual([
      '广州市工青妇组织推动“三大工',
      '程”羊城行动决战决胜脱贫攻',
      '坚，广州',
    ])
    expect(breakFullWidth('一二三“四五六七', 4)!.split('\n')).toEqual(['一二三', '“四五六', '七'])
  })

  it('leaves texts with Latin letters or digits to satori', () => {
    expect(breakFullWidth('市总工会系统开展 2020 年“七·一”主题党日活动', 14)).toBeNull()
    expect(breakFullWidth('全民K歌', 14)).toBeNull()
  })
})
