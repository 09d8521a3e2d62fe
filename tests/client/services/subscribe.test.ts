import { articleIdFromScene, chooseTemplateId, interpretSubscribe, startSubscribe, type SubscribeApi } from '../../../src/services/subscribe'

describe('subscribe outcome', () => {
  it.each([
    ['accept', true, '订阅成功'],
    ['reject', false, '不接收'],
    ['ban', false, '停用'],
    ['filter', false, '过滤'],
  ] as const)('%s is recorded and explained', (answer, ok, words) => {
    const outcome = interpretSubscribe({ T1: answer, errMsg: 'requestSubscribeMessage:ok' }, null, 'T1')
    expect(outcome).toMatchObject({ result: answer, ok })
    expect(outcome.message).toContain(words)
  })

  it('errCode 20004 says all subscriptions are off and how to turn them on', () => {
    const outcome = interpretSubscribe(null, { errCode: 20004, errMsg: 'requestSubscribeMessage:fail' }, 'T1')
    expect(outcome.result).toBeNull()
    expect(outcome.message).toContain('关闭')
    expect(outcome.message).toContain('设置')
  })

  it('calls WeChat synchronously inside the tap, with at most three template ids', () => {
    const calls: string[][] = []
    let answer: ((res: Record<string, string>) => void) | undefined
    const wx: SubscribeApi = {
      requestSubscribeMessage(options) {
        calls.push(options.tmplIds)
        answer = options.success
      },
    }
    const outcomes: string[] = []
    startSubscribe(wx, ['A', 'B', 'C', 'D'], (o, id) => outcomes.push(`${id}:${o.result}`))
    // Called before startSubscribe returned: no await between the tap and WeChat.
    expect(calls).toEqual([['A', 'B', 'C']])
    answer!({ A: 'accept' })
    expect(outcomes).toEqual(['A:accept'])
  })

  it('chooses the server template id over the built-in one; none hides the button', () => {
    expect(chooseTemplateId('srv', 'built')).toBe('srv')
    expect(chooseTemplateId(null, 'built')).toBe('built')
    expect(chooseTemplateId(null, '')).toBe('')
  })

  it('reads the article id from a mini-program code scene', () => {
    expect(articleIdFromScene('a%3D123')).toBe(123)
    expect(articleIdFromScene('a=45')).toBe(45)
    expect(articleIdFromScene('77')).toBe(77)
    expect(articleIdFromScene('x=1')).toBeNull()
    expect(articleIdFromScene(undefined)).toBeNull()
  })
})

describe('subscribe errors of the setup say what is wrong', () => {
  it.each([
    [20001, '找不到'],
    [20005, '停用'],
    [10001, '没有设置'],
  ])('errCode %s: no "try later", the office is told what to check', (errCode, words) => {
    const outcome = interpretSubscribe(null, { errCode, errMsg: 'requestSubscribeMessage:fail' }, 'T1')
    expect(outcome.message).toContain(words)
    expect(outcome.message).toContain('工会办公室')
    expect(outcome.message).not.toContain('稍后再试')
  })

  it('10005 (dialog could not show) asks for another tap; filter is not a passing state', () => {
    expect(interpretSubscribe(null, { errCode: 10005, errMsg: 'requestSubscribeMessage:fail' }, 'T1').message).toContain('再点一次')
    const filter = interpretSubscribe({ T1: 'filter' }, null, 'T1').message
    expect(filter).toContain('同名')
    expect(filter).not.toContain('稍后再试')
  })
})
