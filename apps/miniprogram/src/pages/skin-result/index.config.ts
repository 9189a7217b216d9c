export default definePageConfig({ navigationBarTitleText: '肤质报告' });
