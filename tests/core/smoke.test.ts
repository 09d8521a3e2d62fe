import { readFileSync } from 'node:fs'
import path from 'node:path'

describe('project skeleton', () => {
  it('ships the sample issue with the project', () => {
    const text = readFileSync(path.join(__dirname, '../../samples/gonghui-xinxi-2020-20.md'), 'utf8')
    expect(text).toContain('〔2020〕第二十期')
  })
})
