import { Switch, Text, View } from '../../components/ui'
import TextSettings from '../../components/TextSettings'
import TopBar from '../../components/TopBar'
import { goBack, goHome, showsOwnTopBar, systemFontScale } from '../../services/platform'
import { useApp } from '../../stores/hooks'
import { effectiveStep, TEXT_SIZE_NAMES } from '../../stores/settings-store'
import PageShellContainer from '../PageShellContainer'
import { useCare } from '../care'

/** Text size (five steps; the largest for older readers) and night mode. */
export default function SettingsPage() {
  const settings = useApp('settings', (s) => s)
  const fontSize = systemFontScale()
  const step = effectiveStep(settings.textStep, fontSize)
  const care = useCare()
  return (
    <PageShellContainer>
      {showsOwnTopBar ? <TopBar title='字号与显示' onBack={goBack} onHome={goHome} /> : null}
      <TextSettings
        names={TEXT_SIZE_NAMES}
        step={step}
        // Only WeChat has a font size to follow; in a browser the option would mean nothing.
        followingWechat={fontSize !== null && settings.textStep === null}
        night={settings.night}
        headingLevel={2}
        onStep={settings.setTextStep}
        onNight={settings.setNight}
        onFollowWechat={fontSize !== null ? () => settings.setTextStep(null) : undefined}
      />
      <View className='pad'>
        <View className='card'>
          <Text className='para'>示例：广州市开展“百企对口帮扶”专场招聘会，助力贵州毕节贫困毕业生就业脱贫。</Text>
        </View>
        <Text className='muted'>夜间模式用深色底、浅色字，晚上阅读不刺眼。</Text>
      </View>
      <View className='pad row'>
        <Text className='h2 grow'>长辈版</Text>
        <Switch className='care-switch' nativeProps={{ 'aria-label': '长辈版' }} checked={care} color='#b71c1c' onChange={(e) => settings.setCare(e.detail.value)} />
      </View>
      <View className='pad'>
        <Text className='muted'>长辈版字更大、按钮更大、对比更强，每篇文章顶部都有「听全文」。{settings.care === null ? '现跟随系统字体大小。' : ''}</Text>
      </View>
    </PageShellContainer>
  )
}
