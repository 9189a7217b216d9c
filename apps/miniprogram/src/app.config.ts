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
    'pages/subscriptions/index',
  ],
  // Loyalty pages are not needed at launch, so they stay out of the main package (WeChat limits it to 2 MB).
  subPackages: [
    {
      root: 'packages/loyalty',
      name: 'loyalty',
      pages: [
        'pages/member-code/index',
        'pages/points/index',
        'pages/mall/index',
        'pages/reward/index',
        'pages/redemptions/index',
        'pages/redemption/index',
        'pages/orders/index',
      ],
    },
    // Coupons and the online shop are reached from entries on the home page, not needed at launch either.
    {
      root: 'packages/coupon',
      name: 'coupon',
      pages: ['pages/claim-center/index', 'pages/wallet/index', 'pages/detail/index'],
    },
    {
      root: 'packages/shop',
      name: 'shop',
      pages: ['pages/shop/index', 'pages/checkout/index', 'pages/order/index'],
    },
    // Advisor service (chat, tickets) is opened from the profile or a booking, and carries the socket.io client.
    {
      root: 'packages/service',
      name: 'service',
      pages: ['pages/chat/index', 'pages/tickets/index', 'pages/ticket/index'],
    },
  ],
  // The member code is opened at the till, often on a weak connection: download its subpackage while the home
  // page is open, whatever the network.
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['loyalty'] } },
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
