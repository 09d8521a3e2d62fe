/**
 * H5: View, Text and Button as plain HTML elements (div, span, and a div that is a button to screen
 * readers and keyboards), drawn as Taro's own are (app.css, "ui-"). Taro's are Web Components: each
 * element a custom element that renders itself again in a pass of its own and moves its children
 * into a slot, which made opening a page on a cheap phone wait for hundreds of such passes. These
 * take the props of Taro's that the app uses; what means something only in the mini-program
 * (hoverClass, openType …) is left out. Image, Input, ScrollView and Switch stay Taro's.
 * Their handlers are React's (delegated from the root, touch listeners passive), where Taro's were
 * the element's own: stopPropagation here does not stop a native listener of Taro's above.
 */
import { createElement, forwardRef, type CSSProperties, type ForwardedRef, type MouseEvent, type ReactNode } from 'react'
import {
  Image as TaroImage,
  Input as TaroInput,
  ScrollView as TaroScrollView,
  Switch as TaroSwitch,
  type Button as TaroButton,
  type Text as TaroText,
  type View as TaroView,
} from '@tarojs/components'

// Bound to constants, not re-exported: Taro's build keeps only the components it sees used, and a
// re-export is not counted as a use.
export const Image = TaroImage
export const Input = TaroInput
export const ScrollView = TaroScrollView
export const Switch = TaroSwitch

/** Taro's props with no HTML meaning. */
const TARO_ONLY = new Set([
  'hoverClass',
  'hoverStartTime',
  'hoverStayTime',
  'hoverStopPropagation',
  'catchMove',
  'animation',
  'userSelect',
  'selectable',
  'space',
  'decode',
  'numberOfLines',
  'openType',
  'formType',
  'size',
  'type',
  'plain',
  'loading',
  'lang',
  'sessionFrom',
  'sendMessageTitle',
  'sendMessagePath',
  'sendMessageImg',
  'appParameter',
  'showMessageCard',
  'nativeProps',
])

/** The DOM events the app listens for; a mini-program's own (onOpenSetting …) have no HTML event. */
const DOM_EVENTS = new Set([
  'onClick',
  'onKeyDown',
  'onKeyUp',
  'onFocus',
  'onBlur',
  'onTouchStart',
  'onTouchMove',
  'onTouchEnd',
  'onTouchCancel',
  'onScroll',
  'onAnimationEnd',
  'onTransitionEnd',
])

type Props = Record<string, unknown> & { className?: string; children?: ReactNode }

function htmlProps(props: Props, ownClass: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(props)) {
    if (TARO_ONLY.has(key) || (/^on[A-Z]/.test(key) && !DOM_EVENTS.has(key))) continue
    out[key === 'ariaLabel' ? 'aria-label' : key] = props[key]
  }
  const classes = [ownClass, props.className].filter(Boolean).join(' ')
  if (classes) out.className = classes
  return out
}

export const View = forwardRef(function View(props: Props, ref: ForwardedRef<HTMLDivElement>) {
  // No class of its own: a View is a plain block, as Taro's is.
  return createElement('div', { ...htmlProps(props, ''), ref })
}) as unknown as typeof TaroView

/**
 * Selectable text is an inline block, as Taro draws it (so paragraphs lay out as they did); with
 * numberOfLines, cut to that many lines with an ellipsis.
 */
export const Text = forwardRef(function Text(props: Props, ref: ForwardedRef<HTMLSpanElement>) {
  const { numberOfLines, style } = props as { numberOfLines?: number; style?: CSSProperties }
  const clamped = typeof numberOfLines === 'number'
  const ownClass = ['ui-text', props.selectable || props.userSelect ? 'ui-text-selectable' : '', clamped ? 'ui-text-clamp' : ''].filter(Boolean).join(' ')
  return createElement('span', { ...htmlProps(props, ownClass), ...(clamped ? { style: { ...style, '--line-clamp': numberOfLines } } : {}), ref })
}) as unknown as typeof TaroText

/**
 * A button: named by its words, reached by Tab, pressed by Enter and Space (services/keyboard.ts);
 * a disabled one says so and answers no tap (Taro's stopped the tap going further, but still
 * called the Button's own onClick).
 */
export const Button = forwardRef(function Button(props: Props, ref: ForwardedRef<HTMLDivElement>) {
  const { onClick, disabled } = props as { onClick?: (event: MouseEvent) => void; disabled?: boolean }
  return createElement('div', {
    role: 'button',
    tabIndex: 0,
    'aria-disabled': disabled ? true : undefined,
    ...htmlProps(props, 'ui-button'),
    onClick: (event: MouseEvent) => (disabled ? event.stopPropagation() : onClick?.(event)),
    ref,
  })
}) as unknown as typeof TaroButton
