/**
 * WeChat's text size and 长辈版. WeChat reports its 关怀模式 only as a font size (小程序适老化设计指南:
 * 23.8 px on iPhone, 24.5 px on iPad, against a standard of 17 px; Android's standard is 16 px).
 */
import { DEFAULT_STEP, stepFromFontScale, TEXT_SIZE_NAMES } from '../../../src/stores/settings-store'
import { careFromSystem, systemTextScale } from '../../../src/stores/system-text'

describe('the system text size', () => {
  it.each([
    ['iOS standard', { fontSizeSetting: 17, platform: 'ios' }],
    ['Android standard', { fontSizeSetting: 16, platform: 'android' }],
    ['Android standard, by its factor', { fontSizeScaleFactor: 1, fontSizeSetting: 16, platform: 'android' }],
  ])('%s lands on 标准, never 小', (_, info) => {
    expect(TEXT_SIZE_NAMES[stepFromFontScale(systemTextScale(info))]).toBe('标准')
    expect(stepFromFontScale(systemTextScale(info))).toBe(DEFAULT_STEP)
    expect(careFromSystem(info)).toBe(false)
  })

  it.each([
    ['iPhone 关怀模式 (23.8 px)', { fontSizeSetting: 23.8, platform: 'ios' }],
    ['iPad 关怀模式 (24.5 px)', { fontSizeSetting: 24.5, platform: 'ios' }],
    ['iPhone 关怀模式, by its factor', { fontSizeScaleFactor: 23.8 / 17, platform: 'ios' }],
    ['Android at 1.4× its standard', { fontSizeScaleFactor: 1.4, fontSizeSetting: 22, platform: 'android' }],
  ])('%s turns 长辈版 on', (_, info) => {
    expect(careFromSystem(info)).toBe(true)
  })

  it.each([
    ['iPhone +3 (21 px)', { fontSizeSetting: 21, platform: 'ios' }],
    ['unknown', null],
  ])('%s leaves 长辈版 off', (_, info) => {
    expect(careFromSystem(info)).toBe(false)
  })
})
