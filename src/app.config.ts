export default defineAppConfig({
  pages: ['pages/index/index', 'pages/issue/index', 'pages/article/index', 'pages/search/index', 'pages/favourites/index', 'pages/settings/index'],
  // Only the components a page uses are injected at start (miniprogram-ci's code quality check asks for it).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '工会信息',
    navigationBarTextStyle: 'white',
  },
  // 听全文: WeChat's 同声传译 plugin synthesises the speech; background audio keeps it playing with the screen off.
  plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } },
  requiredBackgroundModes: ['audio'],
})
