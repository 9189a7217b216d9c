export default definePageConfig({ navigationBarTitleText: '肤质测试' });
