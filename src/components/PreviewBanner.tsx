import { Text, View } from './ui'

/** Above every page of a console preview: this draft is not what members can read yet. */
export default function PreviewBanner() {
  return (
    <View className='preview-banner' role='status'>
      <Text>预览：尚未发布</Text>
    </View>
  )
}
