export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/join/index',
    'pages/profile/index',
    'pages/skin-test/index',
    'pages/skin-result/index',
    'pages/skin-history/index',
  ],
  // Inject only the components a page uses, as WeChat's code-quality check asks.
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: 'Glow 会员',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f1ee',
    backgroundTextStyle: 'light',
  },
});
