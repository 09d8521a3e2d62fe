export default definePageConfig({
  navigationBarTitleText: '工会信息',
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
