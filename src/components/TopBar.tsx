import { Text, View } from './ui'
import type { PropsWithChildren } from 'react'
import { asButton, asHeading } from './a11y'

/**
 * The page's own bar where the platform draws none (H5): a way back, the page's title (its first
 * heading, unless the page has its own), any controls of the page (children), and a way home.
 */
export default function TopBar({ title, onBack, onHome, children }: PropsWithChildren<{ title?: string; onBack?: () => void; onHome?: () => void }>) {
  return (
    <View className='top-bar' role='navigation' aria-label='页面导航'>
      {onBack ? (
        <View className='top-bar-btn' {...asButton()} aria-label='返回' onClick={onBack}>
          <Text aria-hidden='true'>‹ 返回</Text>
        </View>
      ) : null}
      {title ? (
        <Text className='top-bar-title' {...asHeading(1)}>
          {title}
        </Text>
      ) : (
        <View className='grow' />
      )}
      {children}
      {onHome ? (
        <View className='top-bar-btn' {...asButton()} onClick={onHome}>
          <Text>首页</Text>
        </View>
      ) : null}
    </View>
  )
}
