import { Button, Switch, Text, View } from '@tarojs/components'
import { systemFontScale } from '../../services/platform'
import { useApp } from '../../stores/hooks'
import { effectiveStep, TEXT_SIZE_NAMES } from '../../stores/settings-store'
import PageShellContainer from '../PageShellContainer'
import { useCare } from '../care'

/** Text size (five steps; the largest for older readers) and night mode. */
export default function SettingsPage() {
  const settings = useApp('settings', (s) => s)
  const step = effectiveStep(settings.textStep, systemFontScale())
  const care = useCare()
  return (
    <PageShellContainer>
      <View className='pad'>
        <Text className='h2'>文字大小</Text>
        <View className='row gap'>
          {TEXT_SIZE_NAMES.map((name, i) => (
            <Button key={name} className={`btn step${i === step ? ' primary' : ''}`} onClick={() => settings.setTextStep(i)} aria-pressed={i === step}>
              {name}
            </Button>
          ))}
        </View>
        <View className='row gap'>
          <Button className={`btn small${settings.textStep === null ? ' primary' : ''}`} onClick={() => settings.setTextStep(null)}>
            跟随微信字体大小
          </Button>
        </View>
        <View className='card' style={{ marginTop: '12PX' }}>
          <Text className='para'>示例：广州市开展“百企对口帮扶”专场招聘会，助力贵州毕节贫困毕业生就业脱贫。</Text>
        </View>
      </View>
      <View className='pad row'>
        <Text className='h2 grow'>夜间模式</Text>
        <Switch checked={settings.night} color='#b71c1c' onChange={(e) => settings.setNight(e.detail.value)} />
      </View>
      <View className='pad'>
        <Text className='muted'>夜间模式用深色底、浅色字，晚上阅读不刺眼。</Text>
      </View>
      <View className='pad row'>
        <Text className='h2 grow'>长辈版</Text>
        <Switch className='care-switch' checked={care} color='#b71c1c' onChange={(e) => settings.setCare(e.detail.value)} />
      </View>
      <View className='pad'>
        <Text className='muted'>长辈版字更大、按钮更大、对比更强，每篇文章顶部都有「听全文」。{settings.care === null ? '现跟随系统字体大小。' : ''}</Text>
      </View>
    </PageShellContainer>
  )
}
