import { Button, Switch, Text, View } from './ui'
import { asButton, asHeading } from './a11y'

/**
 * Text size (five steps, named) and night mode: on the settings page, and under the article's "Aa".
 * "跟随微信字体大小" only where WeChat has a font size to follow (`onFollowWechat` given).
 */
export default function TextSettings({
  names,
  step,
  followingWechat,
  night,
  headingLevel,
  onStep,
  onNight,
  onFollowWechat,
}: {
  names: readonly string[]
  step: number
  followingWechat: boolean
  night: boolean
  headingLevel: 2 | 3
  onStep: (step: number) => void
  onNight: (night: boolean) => void
  onFollowWechat?: () => void
}) {
  return (
    <View>
      <View className='pad'>
        <Text className='h2' {...asHeading(headingLevel)}>
          文字大小
        </Text>
        <View className='row gap' role='group' aria-label='文字大小'>
          {names.map((name, i) => (
            <Button key={name} className={`btn step${i === step && !followingWechat ? ' primary' : ''}`} {...asButton(i === step && !followingWechat)} onClick={() => onStep(i)}>
              {name}
            </Button>
          ))}
        </View>
        {onFollowWechat ? (
          <View className='row gap'>
            <Button className={`btn small${followingWechat ? ' primary' : ''}`} {...asButton(followingWechat)} onClick={onFollowWechat}>
              跟随微信字体大小
            </Button>
          </View>
        ) : null}
      </View>
      <View className='pad row'>
        <Text className='h2 grow' {...asHeading(headingLevel)}>
          夜间模式
        </Text>
        <Switch checked={night} color='#b71c1c' nativeProps={{ 'aria-label': '夜间模式' }} onChange={(e) => onNight(e.detail.value)} />
      </View>
    </View>
  )
}
