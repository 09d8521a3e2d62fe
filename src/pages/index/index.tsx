import { View, Text } from '@tarojs/components'

export default function Index() {
  return (
    <View className='home'>
      <Text>工会信息</Text>
    </View>
  )
}
