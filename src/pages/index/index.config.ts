export default definePageConfig({
  navigationBarTitleText: '工会信息',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
