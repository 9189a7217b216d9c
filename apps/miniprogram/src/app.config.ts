export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/join/index',
    'pages/profile/index',
    'pages/skin-test/index',
    'pages/skin-result/index',
    'pages/skin-history/index',
    'pages/booking/index',
    'pages/bookings/index',
    'pages/booking-detail/index',
  ],
  // The booking page lists the nearest stores first; WeChat requires both the declaration and the reason.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于为你推荐附近可预约的门店' } },
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
