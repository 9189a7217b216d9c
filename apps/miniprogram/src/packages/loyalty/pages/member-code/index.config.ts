export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#3b2a27',
  navigationBarTextStyle: 'white',
  backgroundColor: '#3b2a27',
});
