export default definePageConfig({ navigationBarTitleText: '字号与显示' })
