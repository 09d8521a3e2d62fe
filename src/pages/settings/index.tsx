import { Text, View } from '@tarojs/components'
import TextSettings from '../../components/TextSettings'
import TopBar from '../../components/TopBar'
import { goBack, goHome, showsOwnTopBar, systemFontSize } from '../../services/platform'
import { useApp } from '../../stores/hooks'
import { effectiveStep, TEXT_SIZE_NAMES } from '../../stores/settings-store'
import PageShellContainer from '../PageShellContainer'

/** Text size (five steps; the largest for older readers) and night mode. */
export default function SettingsPage() {
  const settings = useApp('settings', (s) => s)
  const fontSize = systemFontSize()
  const step = effectiveStep(settings.textStep, fontSize)
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
    </PageShellContainer>
  )
}
