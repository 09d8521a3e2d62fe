/**
 * @jest-environment jsdom
 */
/**
 * H5's View, Text and Button (src/components/ui.h5.tsx): plain HTML elements that take Taro's props
 * as the app passes them. Rendered with react-dom in jsdom; Taro's own components are not needed.
 */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { Button, Text, View } from '../../../src/components/ui.h5'

jest.mock('@tarojs/components', () => ({ Image: 'img', Input: 'input', ScrollView: 'div', Switch: 'input' }))

// React's act() warns unless told it runs in a test environment.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root
let box: HTMLElement
beforeEach(() => {
  box = document.createElement('div')
  document.body.appendChild(box)
  root = createRoot(box)
})
afterEach(() => {
  act(() => root.unmount())
  box.remove()
})
const draw = (element: JSX.Element) => act(() => root.render(element))

describe('H5 View, Text and Button', () => {
  it('draws a View as a div with its class, role and names, leaving out what only the mini-program knows', () => {
    const onOpenSetting = jest.fn()
    const view = { className: 'card', role: 'link', ariaLabel: '第二十期', hoverClass: 'none', catchMove: true, onOpenSetting, 'data-issue': 3 }
    draw(<View {...view}>内容</View>)
    const div = box.firstElementChild as HTMLElement
    expect(div.tagName).toBe('DIV')
    expect(div.className).toBe('card')
    expect(div.getAttribute('role')).toBe('link')
    expect(div.getAttribute('aria-label')).toBe('第二十期')
    expect(div.getAttribute('data-issue')).toBe('3')
    expect([...div.attributes].map((a) => a.name).sort()).toEqual(['aria-label', 'class', 'data-issue', 'role'])
  })

  it('draws selectable Text as an inline block members can select, other Text as plain text', () => {
    draw(
      <View>
        <Text className='para' userSelect selectable>
          正文
        </Text>
        <Text>按钮字</Text>
      </View>,
    )
    const [para, label] = [...box.querySelectorAll('span')]
    expect(para.className).toBe('ui-text ui-text-selectable para')
    expect(label.className).toBe('ui-text')
    expect(para.hasAttribute('selectable') || para.hasAttribute('userselect')).toBe(false)
  })

  it('cuts Text with numberOfLines to that many lines', () => {
    draw(
      <Text className='para' numberOfLines={3}>
        很长的第一段
      </Text>,
    )
    const para = box.querySelector('span') as HTMLElement
    expect(para.className).toBe('ui-text ui-text-clamp para')
    expect(para.style.getPropertyValue('--line-clamp')).toBe('3')
    expect(para.hasAttribute('numberoflines')).toBe(false)
  })

  it('makes a Button a button to screen readers and keyboards, pressed by a tap', () => {
    const onClick = jest.fn()
    draw(
      <Button className='btn' openType='share' onClick={onClick}>
        分享
      </Button>,
    )
    const button = box.firstElementChild as HTMLElement
    expect(button.getAttribute('role')).toBe('button')
    expect(button.tabIndex).toBe(0)
    expect(button.hasAttribute('opentype')).toBe(false)
    act(() => button.click())
    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it('keeps the role a caller gives, and a disabled Button answers no tap and passes none on', () => {
    const onClick = jest.fn()
    const outer = jest.fn()
    draw(
      <View onClick={outer}>
        <Button className='btn' {...{ role: 'switch' }} disabled onClick={onClick}>
          保存本期
        </Button>
      </View>,
    )
    const button = box.querySelector('.btn') as HTMLElement
    expect(button.getAttribute('role')).toBe('switch')
    expect(button.hasAttribute('disabled')).toBe(true)
    expect(button.getAttribute('aria-disabled')).toBe('true')
    act(() => button.click())
    expect(onClick).not.toHaveBeenCalled()
    expect(outer).not.toHaveBeenCalled()
  })
})
